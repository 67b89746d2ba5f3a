

def test_a_portable_marker_keeps_the_data_beside_the_program(tmp_path, monkeypatch) -> None:
    """studyapp on a USB stick: a `portable` file beside the program puts the data folder there
    (the stick's drive letter changes from PC to PC; no shortcut with --data is needed)."""
    from studyapp import paths

    program = tmp_path / "学习测评"
    program.mkdir()
    monkeypatch.delenv("STUDYAPP_DATA", raising=False)
    monkeypatch.setattr(paths, "program_dir", lambda: program)
    assert paths.portable_data_dir() is None
    assert paths.data_dir() != program / paths.PORTABLE_FOLDER
    (program / "portable.txt").write_text("", encoding="utf-8")
    assert paths.data_dir() == program / "学习测评数据"
    assert paths.data_dir(tmp_path / "其他") == tmp_path / "其他"  # --data still wins
