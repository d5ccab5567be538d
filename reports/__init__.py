"""What analysts read: change reports (text, Markdown, HTML, JSON) and the
HTML run report, rendered from the curated tables. Page text is data, never
markup: every value is escaped for the format it is written in."""
