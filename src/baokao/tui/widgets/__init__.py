"""One widget per module: the answer form, the side panel, result views, the footer."""
