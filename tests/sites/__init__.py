"""Sites the crawler tests serve on 127.0.0.1."""
