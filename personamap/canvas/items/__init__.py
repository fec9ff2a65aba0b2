"""Thin views of board elements: each holds an id and what it draws, never model rules."""
