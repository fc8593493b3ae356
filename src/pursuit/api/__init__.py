"""The JSON API under /api/v1: the same services as the web pages, as resources. No models here."""
