"""Data -> pages: the Markdown/HTML tree, charts and Swedish formatting the site engine publishes."""
