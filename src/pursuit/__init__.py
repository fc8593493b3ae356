"""Pursuit: follow up after a job interview, politely and persistently."""
