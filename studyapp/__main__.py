"""`python -m studyapp` runs the same entry point as the `studyapp` command."""

from studyapp.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
