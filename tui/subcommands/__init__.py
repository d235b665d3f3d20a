"""Non-interactive subcommands of ``briefing``; one module each, imported on demand."""
