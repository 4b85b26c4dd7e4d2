"""supportkit: turn "it doesn't work" into a ticket an engineer can act on."""
