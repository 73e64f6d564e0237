"""Pure extractors: text or bytes in, frozen records out. No network, no database, no Prefect."""
