"""Scoring Vigyapti records against annotated samples."""
