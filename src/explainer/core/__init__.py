"""The project's declarations, read from data/: parameters (spec), strings (i18n), presets,
reforms, headline figures, hostile-input loading, file locations."""
