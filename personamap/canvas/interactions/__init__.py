"""Gestures on the canvas as objects: each starts on a press, follows the pointer, and either
ends on release (one op, or nothing) or is cancelled with Esc, which puts back what it showed
and leaves the model alone. Items only create them and feed them mouse events.

Modules: `base` (Interaction, the drag threshold), `note_drag`, `marker_drag`,
`header_reorder`; imported one by one, so a window that never drags a marker never loads it.
"""
