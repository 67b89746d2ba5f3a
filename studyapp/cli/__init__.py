"""The `studyapp` command line: same services as the GUI (see studyapp.cli.main)."""
