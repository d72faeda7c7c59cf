"""Transparency portal: validated YAML data in, accessible static site and open data out."""

__version__ = "0.1.0"
