"""The IMR Fidelity Scale: how well a group runs IMR, scored from stored data and by the team."""
