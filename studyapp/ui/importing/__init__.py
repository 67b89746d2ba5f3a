"""导入: choosing a file or pasting text; the work itself runs in the task runner."""
