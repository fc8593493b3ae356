"""The WSGI application, for `pursuit serve` and for any WSGI server a coach deploys behind."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pursuit.settings")

application = get_wsgi_application()
