"""Goals and steps as the app reasons about them: reading typed values, the timeline, the step checklist."""
