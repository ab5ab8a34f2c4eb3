"""summarizer: structured, source-grounded news summaries."""
