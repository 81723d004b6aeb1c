"""Vigyapti's language layer: normalisation, segmentation, language id, numbers, lexicons."""
