"""personamap: a desktop editor for personas and customer-journey maps."""

__version__ = "0.1.0"
