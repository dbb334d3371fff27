"""Files a visitor takes away: the one-page brief and booklet, QR codes of a page's link."""
