"""The follow-up method as pure rules: no Django, no database, no clock of its own.

calendar  business days and windows in the company's zone
promises  the interviewer's words -> a date window
ladder    campaign state + event -> the next planned steps
slots     the closing ask's two options; steps kept apart
scripts   the words to say, honest about what is recorded
playbook  every parameter with its default
vocab     windows, action kinds, outcomes and statuses
"""
