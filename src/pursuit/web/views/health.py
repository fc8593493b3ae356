from django.http import HttpRequest, HttpResponse


def healthz(request: HttpRequest) -> HttpResponse:
    """Answers while the server is up; touches no database, so a locked one does not fail it."""
    return HttpResponse("ok", content_type="text/plain")
