"""The WSGI application, for `pursuit serve` and for any WSGI server a coach deploys behind."""

import os

from django.core.wsgi import get_wsgi_application

from pursuit.bootstrap import keep_files_private

# Under a coach's own WSGI server too, the files Pursuit writes stay private to its user.
keep_files_private()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pursuit.settings")

application = get_wsgi_application()
