"""PDF posters, decks and card sheets drawn from the model with reportlab.

No Qt in this folder, directly or through what it imports (tests/test_no_qt_in_model.py): a
poster is made from the model and the shared layout rules alone, so it prints the same with or
without a display. `render.render` is the entry point; `personamap.export.export_pdf` is the API.
"""
