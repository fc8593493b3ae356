from django.db import models


class WorkerHeartbeat(models.Model):
    """A worker loop's last sign of life, so a page can warn when reminders have stopped."""

    name = models.CharField(max_length=100, unique=True)
    pid = models.PositiveIntegerField()
    host = models.CharField(max_length=255)
    last_beat = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} (pid {self.pid} on {self.host}) at {self.last_beat:%Y-%m-%d %H:%M:%S}"
