"""Files for other programs: spreadsheets of the register, text files of journal drafts."""
