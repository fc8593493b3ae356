"""`{% load seeker_time %}`: `{{ moment|shown }}` and `{{ moment|shown_day }}` print a stored
moment in the seeker's zone and clock, through web/format.py like every other time shown."""

from django import template

from pursuit.web import format as fmt

register = template.Library()
register.filter("shown", fmt.shown)
register.filter("shown_day", fmt.shown_day)
