"""Gatherings named only by a headline, a caption or a reference back ("Dự lễ có ...", "Tại hội
nghị, ..."), and what stays no event; texts invented in the style of local news."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_events import run

D = dt.date

# (text, publication date, expected [(type, date)])
ANAPHORS = [
    (  # a working session referred back to, under a headline naming the visit
        "Kiểm tra công tác xây dựng lực lượng bảo vệ ANTT tại xã Tân Lạc\nTại buổi làm việc, đoàn công tác"
        " đã nghe báo cáo tình hình lực lượng tham gia bảo vệ ANTT ở cơ sở.",
        D(2025, 8, 20),
        [("khac", None)],
    ),
    (  # ... dated by the lead that holds it
        "Chiều 8/8, đồng chí Lê Thị Hoa chủ trì buổi làm việc với Công an xã Tân Lạc. Tại buổi làm việc,"
        " đồng chí ghi nhận kết quả của xã.",
        D(2025, 8, 20),
        [("khac", "2025-08-08")],
    ),
    (  # a remembrance ceremony referred to only by "buổi lễ kỷ niệm"
        "Đội Tham mưu Công an huyện Mường Tà nhận giấy khen\nNhân 40 năm thành lập, Đội Tham mưu được khen"
        " thưởng. Phát biểu tại buổi lễ kỷ niệm, đồng chí Trưởng Công an huyện nhắc lại chặng đường đã qua.",
        D(2025, 6, 2),
        [("khac", None)],
    ),
    (  # a ceremony the headline names by what was done; the body refers back to it
        "Trao Kỷ niệm chương Vì an ninh Tổ quốc cho 7 cá nhân\nDự lễ có các đồng chí lãnh đạo Công an tỉnh"
        " Hòa Sơn. Tại buổi lễ, thừa ủy quyền của Bộ trưởng, đồng chí Giám đốc đã trao Kỷ niệm chương.",
        D(2025, 5, 3),
        [("khac", None)],
    ),
    (
        "Xã Phú Lạc đón nhận Huân chương Lao động hạng Ba\nDự buổi lễ có đồng chí Phó Chủ tịch UBND huyện."
        " Tại buổi lễ, đồng chí đã trao Huân chương cho xã.",
        D(2025, 4, 12),
        [("khac", None)],
    ),
    (  # a dated lead before the reference dates the ceremony
        "Công an huyện Mường Tà đón nhận Huân chương\nSáng 12/4, Công an huyện Mường Tà long trọng đón nhận"
        " Huân chương Bảo vệ Tổ quốc hạng Nhì. Dự buổi lễ có đồng chí Phó Chủ tịch UBND tỉnh.",
        D(2025, 4, 13),
        [("khac", "2025-04-12")],
    ),
    (  # a headline opening on "Tổng kết", confirmed by who attended the conference
        "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2018\nNăm 2018, công tác xây dựng phong"
        " trào Toàn dân bảo vệ ANTQ trên địa bàn tỉnh có bước phát triển. Tham dự hội nghị có Thiếu tướng"
        " Lê Văn Nam, Phó Cục trưởng.",
        D(2019, 1, 10),
        [("tong_ket", None)],
    ),
    (  # a conference in an article opening on a year already past reviews it
        "Nhiều tập thể được khen thưởng trong phong trào bảo vệ an ninh Tổ quốc\nNăm 2024, phong trào Toàn"
        " dân bảo vệ ANTQ của huyện đã đạt nhiều kết quả. Hội nghị đã trao tặng Giấy khen cho 12 tập thể.",
        D(2025, 1, 10),
        [("tong_ket", None)],
    ),
    (  # ... and the first six months of this year are a "sơ kết"
        "Biểu dương tập thể tiêu biểu\n6 tháng đầu năm 2025, phong trào có nhiều chuyển biến. Tại hội nghị,"
        " 10 tập thể được khen thưởng.",
        D(2025, 7, 13),
        [("so_ket", None)],
    ),
    (  # with nothing reviewed, a conference is of another kind
        "Tham dự hội nghị có đại diện lãnh đạo Công an tỉnh và các sở, ngành.",
        D(2025, 4, 13),
        [("khac", None)],
    ),
    (  # a caption naming the gathering, no verb
        "Hội nghị trực tuyến toàn quốc tổng kết công tác tổ chức Ngày hội Toàn dân bảo vệ ANTQ năm 2024.\n"
        "Thứ trưởng Lê Văn Nam phát biểu.",
        D(2024, 11, 5),
        [("tong_ket", None)],
    ),
    (  # a festival reported only by "Tại Ngày hội"
        "Xã Nậm Cang: Sôi nổi các hoạt động bảo vệ an ninh\nTại Ngày hội Toàn dân bảo vệ ANTQ, các đại biểu"
        " đã cùng ôn lại truyền thống.",
        D(2025, 8, 10),
        [("ngay_hoi", None)],
    ),
    (  # an article reporting a named event refers back to that one only
        "Sáng 9/8, UBND xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ ANTQ. Dự lễ có đồng chí Chủ tịch UBND"
        " huyện.",
        D(2025, 8, 10),
        [("ngay_hoi", "2025-08-09")],
    ),
    (  # "chỉ đạo ... tổ chức" with the festival then described as held: a report
        "Sáng 9/8, UBND huyện Mường Tà chỉ đạo xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
        " năm 2025. Tại Ngày hội, các đại biểu đã ôn lại truyền thống.",
        D(2025, 8, 10),
        [("ngay_hoi", "2025-08-09")],
    ),
    (  # the head capitalised, and who chaired it
        "Biểu dương hội viên tiêu biểu trong phong trào bảo vệ an ninh Tổ quốc\nĐồng chủ trì Hội nghị có các"
        " đồng chí lãnh đạo Hội Nông dân tỉnh. Tại Hội nghị, các điển hình đã chia sẻ kinh nghiệm.",
        D(2025, 6, 2),
        [("khac", None)],
    ),
    (  # the opening ceremony of a gathering no trigger names
        "Vinh danh đoàn viên tiêu biểu\nTại lễ khai mạc, Tỉnh đoàn đã tuyên dương 20 đoàn viên xuất sắc.",
        D(2025, 4, 20),
        [("khac", None)],
    ),
    (  # "Tại <ceremony> ..., sáng 17-8, ...": the day opening the main clause dates the ceremony
        "Tại Lễ kỷ niệm 30 năm thành lập Công an huyện Mường Tà, sáng 17-8, Công an huyện đã vinh dự đón"
        " nhận Huân chương Bảo vệ Tổ quốc hạng Ba.",
        D(2025, 8, 17),
        [("khac", "2025-08-17")],
    ),
    (  # a camp is a gathering
        "Tối 18.4, tại tỉnh Hòa Sơn, Tỉnh đoàn phối hợp tổ chức Hội trại “Tuổi trẻ vì an ninh Tổ quốc”.",
        D(2025, 4, 19),
        [("khac", "2025-04-18")],
    ),
    (  # a generic "Ngày hội" of another named festival is that festival, reported on a cue
        "Thắt chặt tình quân dân ở xã biên giới Nậm Cang\nTại Ngày hội, đồng chí Phó Chủ tịch UBND tỉnh đề"
        " nghị tiếp tục tuyên truyền. Trong Ngày hội còn diễn ra các trò chơi dân gian, lan tỏa ý nghĩa"
        " của “Ngày hội Biên phòng toàn dân” ở xã Nậm Cang.",
        D(2026, 3, 1),
        [("khac", None)],
    ),
    (  # a byline before the dated lead: the first sentence opening on a day dates the ceremony
        "Công an huyện Mường Tà đón nhận Huân chương\nLÊ AN |\n(HS) - Sáng 4/3, Công an huyện Mường Tà long"
        " trọng đón nhận Huân chương Chiến công hạng Ba.\nTại buổi lễ, đồng chí Giám đốc Công an tỉnh phát"
        " biểu chúc mừng.",
        D(2025, 3, 5),
        [("khac", "2025-03-04")],
    ),
    (  # a training conference
        "Ngày 4.3, Công an thành phố Hòa Sơn tổ chức hội nghị tập huấn công tác xây dựng mô hình.",
        D(2025, 3, 5),
        [("khac", "2025-03-04")],
    ),
    (  # "được tổ chức nhằm ..." states an aim: the dated sentence someone attended reports the festival
        "Ngày 14/8, đồng chí Bí thư Huyện ủy đã dự Ngày hội Toàn dân bảo vệ an ninh Tổ quốc tại nhà văn"
        " hóa ấp Long Bình, xã Phú Lạc. Ngày hội được tổ chức nhằm tạo khí thế sôi nổi.",
        D(2025, 8, 15),
        [("ngay_hoi", "2025-08-14")],
    ),
    (  # "chỉ đạo của ..." is a noun (carrying out a directive), not a plan
        "Thực hiện chỉ đạo của huyện, xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc sáng 9/8.",
        D(2025, 8, 10),
        [("ngay_hoi", "2025-08-09")],
    ),
    (  # "chỉ đạo" before the verb directs it: an instruction, no report
        "Sáng 9/8, UBND huyện Mường Tà chỉ đạo xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        D(2025, 8, 10),
        [],
    ),
    (  # a conference in an article counting the years it reviews
        "Lực lượng bảo vệ dân phố góp phần giữ vững an ninh\n5 năm qua, lực lượng bảo vệ dân phố đã phối hợp"
        " xử lý hàng trăm vụ việc. Tại hội nghị, 30 tập thể được tặng giấy khen.",
        D(2025, 3, 1),
        [("tong_ket", None)],
    ),
    (  # "những năm qua" says it in passing: another kind of conference
        "Biểu dương hội viên tiêu biểu\nTrong những năm qua, hội viên đã tích cực tham gia phong trào. Tại"
        " hội nghị, các điển hình đã chia sẻ kinh nghiệm.",
        D(2025, 3, 1),
        [("khac", None)],
    ),
    # a conference held on a day, named by no trigger: typed like a reference back to it
    (
        "Sáng 5/3, Công an huyện Yên Sơn tổ chức hội nghị điển hình tiên tiến giai đoạn 2020-2025.",
        D(2025, 3, 6),
        [("khac", "2025-03-05")],
    ),
    (  # ... a review when the article says so
        "Sáng 14/1, Công an xã Tân Lập tổ chức hội nghị với sự tham dự của các ban ngành. Tại hội nghị,"
        " các đại biểu tổng kết công tác năm 2025.",
        D(2026, 1, 15),
        [("tong_ket", "2026-01-14")],
    ),
    (  # a session of propaganda held on a day, and a signing
        "Sáng 5/3, Công an xã Tân Lập tổ chức tuyên truyền pháp luật tại thôn 5 cho hơn 100 người dân.",
        D(2025, 3, 6),
        [("trien_khai", "2025-03-05")],
    ),
    (
        "Chiều 7/3, Công an xã Tân Lập và Trường THCS Tân Lập tổ chức ký kết quy chế phối hợp.",
        D(2025, 3, 8),
        [("khac", "2025-03-07")],
    ),
    # ... but not planned, nor in an undated sentence
    (
        "Sáng 5/3, Công an huyện Yên Sơn ban hành kế hoạch tổ chức hội nghị điển hình tiên tiến.",
        D(2025, 3, 6),
        [],
    ),
    ("Công an huyện Yên Sơn thường tổ chức hội nghị lấy ý kiến Nhân dân.", D(2025, 3, 6), []),
    (
        "Công an phường cùng các trường học trong phường tổ chức tuyên truyền pháp luật.",
        D(2025, 3, 6),
        [],
    ),
    # past gatherings recalled, plans: no event
    (
        "Phong trào bảo vệ an ninh ở xã Phú Lạc\nNăm 2023, xã đã tổ chức lễ trao Kỷ niệm chương cho 3 cá"
        " nhân. Những năm qua, phong trào luôn được quan tâm.",
        D(2025, 3, 1),
        [],
    ),
    (
        "Người có uy tín ở bản Nà Lừa\nÔng Pá từng được tặng Bằng khen tại Hội nghị tổng kết phong trào năm"
        " 2020 của huyện.",
        D(2025, 3, 1),
        [],
    ),
    ("Ông Pá kể lại, năm 2019, tại buổi lễ, ông được tặng Giấy khen.", D(2025, 3, 1), []),
    ("Hội nghị tổng kết phong trào sẽ diễn ra vào cuối năm.\nCác xã đang chuẩn bị.", D(2025, 7, 13), []),
    # a line opening on the gathering that says something about it is no caption
    (
        "Công an tỉnh ban hành hướng dẫn.\nNgày hội Toàn dân bảo vệ ANTQ là dịp để Nhân dân ôn lại truyền"
        " thống.\nCác xã cần chuẩn bị chu đáo.",
        D(2025, 6, 1),
        [],
    ),
    (
        "Công an tỉnh ban hành hướng dẫn.\nHội nghị tổng kết phong trào nhằm đánh giá kết quả năm 2024.\nCác"
        " xã cần chuẩn bị chu đáo.",
        D(2025, 6, 1),
        [],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), ANAPHORS)
def test_gatherings_named_only_by_reference(
    text: str, published: dt.date, expected: list[tuple[str, str | None]]
) -> None:
    assert [(e["type"], e["date"]) for e in run(text, published)] == expected


# (text, location): organisers named by acronym, names opening on a word that usually ends one
LOCATIONS = [
    (
        "Ngày 31/3, Hội LHPN xã Phú Lạc, huyện Mường Tà phối hợp với công an xã tổ chức ra mắt mô hình"
        " “Camera an ninh” tại thôn Nà Lừa.",
        "xã Phú Lạc",
    ),
    ("Ngày 31/3, UBND xã Nhân Hòa tổ chức ra mắt mô hình “Camera an ninh” tại thôn Nà Lừa.", "xã Nhân Hòa"),
    ("Sáng 2/8, Công an xã Đoàn Kết tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.", "xã Đoàn Kết"),
    (  # a steering board written in lowercase, a review named only by reference; the province in
        # the board's name is whose review it is, not where it is held (no place said)
        "Sáng 2/8, Ban chỉ đạo phong trào bảo vệ an ninh Tổ quốc tỉnh Hòa Sơn đã tổng kết 5 năm thực hiện"
        " chỉ thị về tôn giáo. Dự hội nghị có đồng chí Phó Chủ tịch UBND tỉnh.",
        None,
    ),
    (  # ... a district board's district is its place
        "Sáng 2/8, Ban chỉ đạo phong trào bảo vệ an ninh Tổ quốc huyện Mường Tà đã tổng kết 5 năm thực"
        " hiện chỉ thị về tôn giáo. Dự hội nghị có đồng chí Phó Chủ tịch UBND huyện.",
        "huyện Mường Tà",
    ),
]


@pytest.mark.parametrize(("text", "location"), LOCATIONS)
def test_location_of_acronym_organisers_and_stop_word_names(text: str, location: str | None) -> None:
    (event,) = run(text, D(2025, 8, 3))
    assert event["location"] == location
