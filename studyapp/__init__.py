"""studyapp (学习测评): study official documents, quiz on them, keep the records."""

__version__ = "0.1.0"
APP_NAME = "studyapp"
APP_TITLE = "学习测评"
