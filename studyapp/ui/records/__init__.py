"""学习记录: roster, study sessions with attendance and scores, the 学时台账, printed forms."""
