"""The HTML pages, one module per area; each view fetches through `campaigns.access`, validates a
form, makes at most one service call and renders."""
