"""The XSS safety proof: a corpus of known vectors through every field an editor controls."""
