"""The editor's window: menus, docks, dialogs. Composes features; holds no model rules."""
