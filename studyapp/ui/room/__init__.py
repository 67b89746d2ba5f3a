"""Meeting-room mode (会议室): projector view, presenter console, contest scoring, paper scores."""
