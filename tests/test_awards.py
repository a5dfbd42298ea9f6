"""Awards rules, one table per rule family; sentences invented in the style of local news."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract import awards
from extract.document import Document
from extract.records import Official
from extract.ruleset import latest, load

RULES = load(latest("awards"))


def run(text: str, officials: list[str] = ()) -> list[dict[str, Any]]:
    found = {
        "officials": [
            Official(name=n, evidence={"text": n, "start": 0, "end": 1}, rule="t", ruleset="t")
            for n in officials
        ]
    }
    return [a.model_dump(mode="json") for a in awards.extract(Document(text=text), RULES, found)]


def subset(record: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    return {k: record.get(k) for k in expected}


def check(text: str, expected: list[dict[str, Any]], officials: list[str] = ()) -> None:
    got = run(text, officials)
    assert [subset(r, e) for r, e in zip(got, expected, strict=False)] == expected, got
    assert len(got) == len(expected), got


# (sentence, expected awards: only the listed fields are compared)
ISSUER_OF = [
    (  # a foreign state's name, its abbreviation in brackets inside it: each state one issuer
        "Tối 2/9, Bộ Công an đón nhận Huân chương cao quý của Nhà nước Cộng hòa dân chủ nhân dân (CHDCND)"
        " Lào và Nhà nước Cộng hòa Ba Lan.",
        [
            {"type": "Huân chương", "issuer": "Nhà nước Cộng hòa dân chủ nhân dân (CHDCND) Lào"},
            {"type": "Huân chương", "issuer": "Nhà nước Cộng hòa Ba Lan"},
        ],
    ),
    (  # an adjective of praise between the distinction and "của"
        "Chiều 4/9, Công an tỉnh Hòa Sơn đón nhận Huân chương cao quý của Nhà nước Lào.",
        [{"type": "Huân chương", "issuer": "Nhà nước Lào"}],
    ),
    (  # a grant worded over the list of what it grants: the colon opens the list, ends no clause
        "Với những thành tích đó, Đảng và Nhà nước đã tặng thưởng nhiều phần thưởng cao quý như: 4 Huân"
        " chương Chiến công hạng Nhì và Huân chương Bảo vệ Tổ quốc hạng Ba.",
        [{"type": "Huân chương", "issuer": "Đảng và Nhà nước"}],
    ),
    (  # the party governing with the State, as the agent of a passive
        "Công an huyện Mường Tà vinh dự được Đảng và Nhà nước tặng thưởng Huân chương Bảo vệ Tổ quốc"
        " hạng Ba.",
        [{"type": "Huân chương", "issuer": "Đảng và Nhà nước", "recipients": ["Công an huyện Mường Tà"]}],
    ),
    (  # the flag's name and its year stand between it and "của"
        "Đại tá Hà Văn Lộc trao Cờ thi đua quyết thắng năm 2023 của Bộ Tư lệnh Quân khu cho Đồn Tân Mỹ.",
        [{"type": "Cờ thi đua", "issuer": "Bộ Tư lệnh Quân khu", "presenter": "Hà Văn Lộc"}],
    ),
    (  # an abbreviated township with its dot
        "Công an thị trấn phối hợp trao giấy khen của Chủ tịch UBND TT.Tân Mỹ cho 3 công an viên.",
        [{"type": "Giấy khen", "issuer": "Chủ tịch UBND TT.Tân Mỹ", "recipient_count": 3}],
    ),
    (  # a body referred back to by its first words ("Trung ương hội")
        "Tối 3/6, Trung ương Hội Cựu chiến binh Việt Nam gặp mặt hội viên và trao Bằng khen của Trung ương"
        " hội cho 25 hội viên tiêu biểu.",
        [{"type": "Bằng khen", "issuer": "Trung ương Hội Cựu chiến binh Việt Nam", "recipient_count": 25}],
    ),
    (  # the ministry as often written, lowercase after its head
        "Thừa ủy quyền của Bộ trưởng Bộ Công an, Đại tá Hà Văn Lộc trao Bằng khen của Bộ công an cho 3"
        " cá nhân.",
        [{"type": "Bằng khen", "issuer": "Bộ công an", "presenter": "Hà Văn Lộc"}],
    ),
    (  # a ministry's abbreviated sector; "Quyết định" after it ends it
        "Sở vinh dự nhận Cờ thi đua của Bộ Nông nghiệp và PTNT Quyết định số 12 ngày 5/3.",
        [{"type": "Cờ thi đua", "issuer": "Bộ Nông nghiệp và PTNT"}],
    ),
    (  # a trade union grants; each "của" of a list of clauses names its own award
        "Theo đó, 3 tập thể được nhận bằng khen của Tổng Liên đoàn Lao động Việt Nam; 2 tập thể và 7 cá"
        " nhân được nhận bằng khen của Công đoàn Giáo dục Việt Nam.",
        [
            {"type": "Bằng khen", "issuer": "Tổng Liên đoàn Lao động Việt Nam", "recipient_count": 3},
            {"type": "Bằng khen", "issuer": "Công đoàn Giáo dục Việt Nam", "recipient_count": 9},
        ],
    ),
    (
        "Đơn vị nhận Bằng khen của Bộ Tư lệnh Cảnh sát cơ động.",
        [{"type": "Bằng khen", "issuer": "Bộ Tư lệnh Cảnh sát cơ động"}],
    ),
    (
        "Bà Nông Thị Hoa nhận Giấy khen của Hiệu trưởng nhà trường.",
        [{"type": "Giấy khen", "issuer": "Hiệu trưởng", "recipients": ["Nông Thị Hoa"]}],
    ),
    (  # the country after the State's post is no part of the issuer
        "Phòng Cảnh sát hình sự được nhận Huân chương Chiến công hạng Ba của Chủ tịch nước CHXHCN Việt Nam.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước"}],
    ),
    (
        "Ông Lò Văn Tư nhận Huân chương Lao động hạng Ba của Chủ tịch nước Cộng hòa xã hội chủ nghĩa"
        " Việt Nam.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước"}],
    ),
    (  # a commune named so keeps its name
        "Ông Lò Văn Tư nhận Giấy khen của UBND xã Cộng Hòa.",
        [{"type": "Giấy khen", "issuer": "UBND xã Cộng Hòa"}],
    ),
    (  # an issuer written in lowercase after "của": read, quoted as written
        "Hôm qua, Đội Cảnh sát hình sự đã nhận giấy khen của giám đốc công an tỉnh vì bắt nhanh kẻ cướp.",
        [{"type": "Giấy khen", "issuer": "giám đốc công an tỉnh"}],
    ),
    (  # lowercase words after "của" that start no issuer stay none
        "Tổ tự quản nhận giấy khen của cán bộ và nhân dân thôn.",
        [{"type": "Giấy khen", "issuer": None}],
    ),
    (  # the author of the decision the distinction was given by
        "Công an xã Tân Mỹ được tặng Bằng khen theo Quyết định số 123/QĐ-UBND của Chủ tịch UBND tỉnh.",
        [{"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh", "recipients": ["Công an xã Tân Mỹ"]}],
    ),
    (
        "Xã Đông Lâm vinh dự nhận Cờ thi đua theo quyết định ngày 12/3/2024 của UBND tỉnh Tân Mỹ.",
        [{"type": "Cờ thi đua", "issuer": "UBND tỉnh Tân Mỹ", "rule": "by_decision"}],
    ),
    (  # a proposal's author is no issuer
        "Ông Lò Văn Tư được tặng Giấy khen theo đề nghị của Công an xã.",
        [{"type": "Giấy khen", "issuer": None}],
    ),
    (  # party cells counted with their members
        "Nhân dịp này, Đảng ủy xã Tân Mỹ tặng Giấy khen cho 3 chi bộ và 10 đảng viên.",
        [{"type": "Giấy khen", "issuer": "Đảng ủy xã Tân Mỹ", "recipient_count": 13}],
    ),
    (  # a quoted title before it, no proposal verb: given
        "Công an xã Tân Mỹ đạt danh hiệu “Đơn vị Quyết thắng”, được tặng “Cờ thi đua” của Bộ Công an.",
        [{"type": "Cờ thi đua", "issuer": "Bộ Công an"}],
    ),
    (  # a proposal in an earlier part of the clause does not reach a later subject's award
        "Năm qua, Công an xã Tân Mỹ đề nghị khen thưởng 3 tổ, UBND huyện tặng Giấy khen cho 2 tổ tự quản.",
        [{"type": "Giấy khen", "issuer": "UBND huyện", "recipient_count": 2}],
    ),
    (  # a steering board named by its purpose, read up to its level
        "Dịp này, 5 tập thể nhận Giấy khen của Ban Chỉ đạo thực hiện phong trào toàn dân bảo vệ an ninh"
        " Tổ quốc huyện Tân Mỹ vì có thành tích xuất sắc.",
        [
            {
                "type": "Giấy khen",
                "issuer": "Ban Chỉ đạo thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc huyện Tân Mỹ",
                "recipient_count": 5,
            }
        ],
    ),
    (  # a distinction quoted as a title, its issuer after the quote
        "Công an huyện Tân Mỹ được tặng “Cờ thi đua” của Bộ Công an.",
        [{"type": "Cờ thi đua", "issuer": "Bộ Công an"}],
    ),
    (
        "Ông Lò Văn Sáng được Thủ tướng Chính phủ Vũ Đức Hạnh tặng Bằng khen.",
        [{"type": "Bằng khen", "issuer": "Thủ tướng Chính phủ", "recipients": ["Lò Văn Sáng"]}],
    ),
    (
        "Tại hội nghị, Thiếu tá Lò Văn Sáng trao Kỷ niệm chương của Bộ Công an cho 2 cá nhân.",
        [
            {
                "type": "Kỷ niệm chương",
                "issuer": "Bộ Công an",
                "recipient_count": 2,
                "recipient_kind": "individual",
            }
        ],
    ),
    (
        "Tại buổi lễ, các tập thể, cá nhân xuất sắc được nhận Bằng khen của Bộ trưởng Bộ Quốc phòng, của Chủ"
        " tịch UBND tỉnh và giấy khen của Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.",
        [
            {"type": "Bằng khen", "issuer": "Bộ trưởng Bộ Quốc phòng"},
            {"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh"},
            {"type": "Giấy khen", "issuer": "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"},
        ],
    ),
    (
        "Dịp này, nhiều tập thể, cá nhân được tặng Bằng khen, Giấy khen của Chủ tịch UBND tỉnh, Công an tỉnh"
        " và UBND xã Tân Hòa.",
        [
            {"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh", "recipient_kind": None},
            {"type": "Giấy khen", "issuer": "Công an tỉnh"},
            {"type": "Giấy khen", "issuer": "UBND xã Tân Hòa"},
        ],
    ),
    (
        "Thượng tá Đinh Công Lý trao giấy khen của UBND huyện Đông Lâm cho tập thể xã Phú Lạc vì thành tích.",
        [
            {
                "type": "Giấy khen",
                "issuer": "UBND huyện Đông Lâm",
                "recipients": ["xã Phú Lạc"],
                "recipient_kind": "collective",
            }
        ],
    ),
    (
        "Ông Hà Văn Lực nhận Bằng khen của Thủ tướng Chính phủ.",
        [{"type": "Bằng khen", "issuer": "Thủ tướng Chính phủ"}],
    ),
    # youth unions, border posts, district party committees, mass organisations with lowercase words
    (
        "Anh Lò Văn Sinh nhận giấy khen của Huyện đoàn Mường Tè.",
        [{"type": "Giấy khen", "issuer": "Huyện đoàn Mường Tè", "recipients": ["Lò Văn Sinh"]}],
    ),
    (
        "Tổ tự quản bản Na Hang nhận giấy khen của Đồn trưởng Đồn Biên phòng Pa Sào.",
        [{"type": "Giấy khen", "issuer": "Đồn trưởng Đồn Biên phòng Pa Sào"}],
    ),
    (
        "Ông Vũ Văn Cần nhận Bằng khen của Trung ương Hội Cựu chiến binh Việt Nam.",
        [{"type": "Bằng khen", "issuer": "Trung ương Hội Cựu chiến binh Việt Nam"}],
    ),
    (
        "Chi đoàn thôn Đông nhận giấy khen của Quận ủy Tân Bình và Đoàn Thanh niên Công an quận.",
        [
            {"type": "Giấy khen", "issuer": "Quận ủy Tân Bình"},
            {"type": "Giấy khen", "issuer": "Đoàn Thanh niên Công an quận"},
        ],
    ),
    # the agent after "do", with or without its verb; "do" giving a reason names nobody
    (
        "Tập thể Công an xã Đông Lâm nhận Giấy khen do Giám đốc Công an tỉnh trao tặng.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "rule": "by_issuer"}],
    ),
    (
        "Bằng khen do Chủ tịch UBND tỉnh ký được trao cho 3 tập thể.",
        [{"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh", "recipient_count": 3}],
    ),
    (
        "Công an xã Phú Lạc được tặng Giấy khen do UBND huyện Tân Mỹ cấp.",
        [{"type": "Giấy khen", "issuer": "UBND huyện Tân Mỹ"}],
    ),
    (
        "Ông Hà Văn Lực được tặng Bằng khen do có thành tích xuất sắc.",
        [{"type": "Bằng khen", "issuer": None}],
    ),
    # a modifier between the distinction and "của"
    (
        "Thượng tá Lò Văn Khiêm cho biết đã trao giấy khen đột xuất của Giám đốc Công an tỉnh"
        " cho 3 đoàn viên.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "recipient_count": 3}],
    ),
    (  # an abbreviation joined by '-' or '&' is one word of the issuer
        "Cô giáo Mai nhận bằng khen của Bộ trưởng GD-ĐT vì nhiều năm dạy học ở bản xa.",
        [{"type": "Bằng khen", "issuer": "Bộ trưởng GD-ĐT"}],
    ),
    (
        "Ông Lù Văn Sinh nhận giấy khen của Giám đốc Sở LĐ-TB&XH tỉnh.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Sở LĐ-TB&XH tỉnh"}],
    ),
    (  # a sector's name with a dash and "và" in it is read whole
        "Ông Lù Văn Sinh nhận giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh"}],
    ),
    (  # money given with the distinction does not hide the issuer after both
        "Thiếu tá Lò Văn Sáng trao giấy khen và tiền thưởng của Giám đốc Công an tỉnh cho chị Hoa.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"}],
    ),
    (  # money "kèm" the distinction, the issuer after both
        "Thiếu tá Lò Văn Sáng trao giấy khen kèm tiền thưởng của Giám đốc Công an tỉnh cho chị Hoa.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"}],
    ),
    (  # an abbreviated level with its dot keeps the name after it
        "Chị Hoa nhận giấy khen của Giám đốc Công an TP.Bắc Lâm vì giúp bắt kẻ trộm.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an TP.Bắc Lâm"}],
    ),
    (
        "Chị Hoa nhận giấy khen của Giám đốc Công an TP. Bắc Lâm vì giúp bắt kẻ trộm.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an TP. Bắc Lâm"}],
    ),
    (  # the emulation council's full name, with its dash, is one issuer
        "Tổ tự quản thôn Nà Lạn nhận Giấy khen của Hội đồng Thi đua - Khen thưởng huyện.",
        [{"type": "Giấy khen", "issuer": "Hội đồng Thi đua - Khen thưởng huyện"}],
    ),
    (  # the party and the State after "của": one issuer as written, the headline's mention merged in
        "Công an tỉnh Hòa Lâm đón nhận Huân chương Chiến công hạng Ba\n\nSáng 12/8, Thượng tướng Lê Văn"
        " Tâm – Thứ trưởng Bộ Công an đã trao Huân chương Chiến công hạng Ba của Đảng, Nhà nước tặng"
        " Công an tỉnh Hòa Lâm.",
        [{"type": "Huân chương", "issuer": "Đảng, Nhà nước"}],
    ),
    (  # counted distinctions listed by commas share the "của" that closes the list
        "Dịp này, Hội nghị trao Bằng khen của Chủ tịch UBND huyện cho Hội Phụ nữ xã; trao 03 Kỷ niệm"
        " chương, 04 Giấy khen của Bộ Chỉ huy Quân sự tỉnh cho các cá nhân.",
        [
            {"type": "Bằng khen", "issuer": "Chủ tịch UBND huyện"},
            {"type": "Kỷ niệm chương", "issuer": "Bộ Chỉ huy Quân sự tỉnh"},
            {"type": "Giấy khen", "issuer": "Bộ Chỉ huy Quân sự tỉnh"},
        ],
    ),
]

ISSUER_SUBJECT = [
    (  # bodies listed as the subject, "nhiều" before the distinction
        "Dịp này, UBND huyện Đông Lâm, UBND xã Tân Mỹ tặng nhiều giấy khen cho các tập thể, cá nhân.",
        [
            {"type": "Giấy khen", "issuer": "UBND huyện Đông Lâm"},
            {"type": "Giấy khen", "issuer": "UBND xã Tân Mỹ"},
        ],
    ),
    (  # one subject, two verbs: money first, then the distinction
        "Chiều 20/5, UBND tỉnh Đông Lâm đã trao 40 triệu đồng cho Công an huyện và tặng Bằng khen cho"
        " 3 tập thể.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh Đông Lâm", "recipient_count": 3}],
    ),
    (  # a body that holds the handing over of its own certificate ("của đơn vị")
        "Trước đó, ngày 1/6, Bộ Chỉ huy Quân sự tỉnh Đông Lâm đã tổ chức trao tặng giấy khen của đơn vị"
        " cho anh Lò Văn Tân.",
        [{"type": "Giấy khen", "issuer": "Bộ Chỉ huy Quân sự tỉnh Đông Lâm", "recipients": ["Lò Văn Tân"]}],
    ),
    (  # the post in apposition after the name with a dash; a money reward is no distinction, but
        # its giver grants what the next clause gives without a subject
        "Cũng tại buổi lễ, Đại tá Hà Văn Lộc - Giám đốc Công an tỉnh Đông Lâm đã công bố quyết định, trao"
        " khen thưởng đột xuất cho Đội Cảnh sát giao thông 5 triệu đồng. Đồng thời, tặng giấy khen đột xuất"
        " cho 3 tập thể, 9 cá nhân.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh Đông Lâm", "recipient_count": 12}],
    ),
    (
        "Tại buổi lễ, Đại tá Hà Văn Lộc – Giám đốc Công an tỉnh trao giấy khen cho 3 tập thể.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "presenter": "Hà Văn Lộc"}],
    ),
    (  # a bare "cờ" given to units is the emulation flag
        "Ban Thường vụ Tỉnh đoàn tặng cờ cho 12 chi đoàn xếp loại xuất sắc.",
        [{"type": "Cờ thi đua", "issuer": "Ban Thường vụ Tỉnh đoàn", "recipient_count": 12}],
    ),
    (  # a sector's union; an envoy after an opener written without its comma
        "Tại buổi tổng kết lãnh đạo Công đoàn ngành Y tế đã trao giấy khen cho 5 tập thể.",
        [{"type": "Giấy khen", "issuer": "Công đoàn ngành Y tế", "recipient_count": 5}],
    ),
    (  # the envoy of a second body beside the one granting is no issuer
        "Chủ tịch UBND huyện Đông Lâm (thứ hai từ trái) và lãnh đạo Công an huyện khen thưởng cho 3"
        " thanh niên.",
        [],
    ),
    (  # the standing deputy hands over in the name of the body
        "Đồng chí Lê Văn Bình, Phó Chủ tịch Thường trực UBND tỉnh trao Bằng khen cho 3 tập thể.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh", "presenter": "Lê Văn Bình"}],
    ),
    (  # a branch's name in lowercase words is one body ("Cục Cảnh sát giao thông")
        "Cục Cảnh sát giao thông tặng Giấy khen cho Đội CSGT số 3.",
        [{"type": "Giấy khen", "issuer": "Cục Cảnh sát giao thông", "recipients": ["Đội CSGT số 3"]}],
    ),
    (
        "Phòng Cảnh sát hình sự tặng Giấy khen cho 2 trinh sát.",
        [{"type": "Giấy khen", "issuer": "Phòng Cảnh sát hình sự", "recipient_count": 2}],
    ),
    (  # the dash inside a council's name is no dateline's
        "Hội đồng Thi đua - Khen thưởng tỉnh tặng Cờ thi đua cho 3 đơn vị.",
        [{"type": "Cờ thi đua", "issuer": "Hội đồng Thi đua - Khen thưởng tỉnh"}],
    ),
    (  # a dateline's dash still ends the place
        "ĐÔNG LÂM - Công an tỉnh tặng Giấy khen cho 3 tập thể.",
        [{"type": "Giấy khen", "issuer": "Công an tỉnh"}],
    ),
    (  # a school grants its pupils' certificates
        "Trường THCS Đông Lâm tặng Giấy khen cho 20 học sinh.",
        [{"type": "Giấy khen", "issuer": "Trường THCS Đông Lâm", "recipient_count": 20}],
    ),
    (  # a form of address before the post: the post grants
        "Đồng chí Giám đốc Công an tỉnh tặng giấy khen cho Hội Cựu chiến binh xã Tân Lạc.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"}],
    ),
    (  # a unit named as the subject grants through its authority
        "Xã Mường Lý tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc.",
        [{"type": "Giấy khen", "issuer": "Xã Mường Lý", "presenter": None}],
    ),
    (
        "Dịp này, xã Tân Phú tặng giấy khen cho 3 tập thể.",
        [{"type": "Giấy khen", "issuer": "xã Tân Phú", "recipient_count": 3}],
    ),
    (  # a level word alone names no unit
        "Dịp này, tỉnh tặng Bằng khen cho 5 tập thể.",
        [{"type": "Bằng khen", "issuer": None}],
    ),
    (  # a post with its holder's name: the post grants
        "Thủ tướng Chính phủ Lý Văn Hưng quyết định tặng Bằng khen cho 2 tập thể và 3 cá nhân.",
        [{"type": "Bằng khen", "issuer": "Thủ tướng Chính phủ", "presenter": "Lý Văn Hưng"}],
    ),
    (
        "Chủ tịch nước Đỗ Văn Khải tặng Huân chương Lao động hạng Nhì cho Công an tỉnh.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "name": "Huân chương Lao động hạng Nhì"}],
    ),
    (  # a place after a level word is no holder's name
        "UBND huyện Bắc Trà My tặng Giấy khen cho 5 tập thể.",
        [{"type": "Giấy khen", "issuer": "UBND huyện Bắc Trà My"}],
    ),
    (  # nor the country's name after a front's
        "Ủy ban MTTQ Việt Nam tặng Bằng khen cho 5 tập thể.",
        [{"type": "Bằng khen", "issuer": "Ủy ban MTTQ Việt Nam"}],
    ),
    (
        "Dịp này, Bộ Công an trao tặng Kỷ niệm chương Vì an ninh Tổ quốc cho 3 cán bộ hưu trí.",
        [
            {
                "type": "Kỷ niệm chương",
                "name": "Kỷ niệm chương Vì an ninh Tổ quốc",
                "issuer": "Bộ Công an",
                "recipient_count": 3,
                "recipient_kind": "individual",
            }
        ],
    ),
    (
        "Cờ thi đua xuất sắc của UBND tỉnh được trao cho tập thể Công an xã Hòa Phú; Giám đốc Công an tỉnh"
        " tặng Giấy khen cho tập thể Chi bộ thôn Đông.",
        [
            {
                "type": "Cờ thi đua",
                "name": "Cờ thi đua xuất sắc",
                "issuer": "UBND tỉnh",
                "recipients": ["Công an xã Hòa Phú"],
                "recipient_kind": "collective",
            },
            {
                "type": "Giấy khen",
                "issuer": "Giám đốc Công an tỉnh",
                "recipients": ["Chi bộ thôn Đông"],
                "recipient_kind": "collective",
            },
        ],
    ),
    (
        "Chủ tịch nước tặng thưởng Huân chương Bảo vệ Tổ quốc hạng Ba cho Công an huyện Tân Sơn.",
        [
            {
                "type": "Huân chương",
                "name": "Huân chương Bảo vệ Tổ quốc hạng Ba",
                "issuer": "Chủ tịch nước",
                "recipients": ["Công an huyện Tân Sơn"],
                "recipient_kind": "collective",
            }
        ],
    ),
    (  # a second verb shares the subject
        "UBND tỉnh tặng Cờ thi đua cho Công an xã Cẩm Lạc và tặng Bằng khen cho 15 tập thể.",
        [
            {"type": "Cờ thi đua", "issuer": "UBND tỉnh"},
            {"type": "Bằng khen", "issuer": "UBND tỉnh", "rule": "shared_subject", "recipient_count": 15},
        ],
    ),
    (
        "Dịp này, Bộ Chỉ huy Bộ đội Biên phòng tỉnh tặng Giấy khen cho 5 ngư dân có thành tích cứu nạn.",
        [
            {
                "type": "Giấy khen",
                "issuer": "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
                "recipient_count": 5,
                "recipient_kind": "individual",
            }
        ],
    ),
    (  # a quoted name; a village as recipient
        "Bộ trưởng Bộ Công an tặng Kỷ niệm chương “Vì an ninh Tổ quốc” cho buôn Ea Sar.",
        [
            {
                "type": "Kỷ niệm chương",
                "name": "Kỷ niệm chương “Vì an ninh Tổ quốc”",
                "recipients": ["buôn Ea Sar"],
                "recipient_kind": "collective",
            }
        ],
    ),
    (  # a person then his post: one recipient
        "Ông Lê Văn Tứ, tổ trưởng tổ dân phố số 4 được Bộ Công an tặng Bằng khen.",
        [{"type": "Bằng khen", "recipients": ["Lê Văn Tứ"], "recipient_count": 1}],
    ),
    (  # mixed recipients: counted, kind unknown; a body name with a lowercase syllable
        "Giám đốc Sở Tư pháp tỉnh tặng Giấy khen cho 5 tập thể và 10 cá nhân.",
        [
            {
                "type": "Giấy khen",
                "issuer": "Giám đốc Sở Tư pháp tỉnh",
                "recipient_count": 15,
                "recipient_kind": None,
            }
        ],
    ),
    (
        "UBND huyện tặng Giấy khen cho hai tập thể.",
        [{"type": "Giấy khen", "issuer": "UBND huyện", "recipient_count": 2, "recipient_kind": "collective"}],
    ),
    (
        "Giám đốc Công an tỉnh tặng Giấy khen cho đồng chí Nguyễn Văn Tư, Trưởng Công an xã.",
        [
            {
                "type": "Giấy khen",
                "issuer": "Giám đốc Công an tỉnh",
                "recipients": ["Nguyễn Văn Tư"],
                "recipient_kind": "individual",
            }
        ],
    ),
    (  # coordinated bodies each grant
        "Dịp này, UBND tỉnh, Công an tỉnh, UBND huyện Đông Lâm và UBND xã Phú Lạc khen thưởng các tập thể.",
        [
            {"type": "Khen thưởng", "issuer": "UBND tỉnh"},
            {"type": "Khen thưởng", "issuer": "Công an tỉnh"},
            {"type": "Khen thưởng", "issuer": "UBND huyện Đông Lâm"},
            {"type": "Khen thưởng", "issuer": "UBND xã Phú Lạc"},
        ],
    ),
    (  # the author of the decision named as the subject
        "Quyết định số 25/QĐ-UBND của Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể.",
        [{"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh", "recipient_count": 12}],
    ),
    (
        "Tại buổi lễ, đã công bố Quyết định của Giám đốc Công an tỉnh về việc tặng Giấy khen cho 5 tập thể.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "recipient_count": 5}],
    ),
    (  # an event's organising board
        "Ban tổ chức trao giấy khen cho 4 đội đạt giải cao.",
        [{"type": "Giấy khen", "issuer": "Ban tổ chức", "rule": "issuer_grants"}],
    ),
    (  # an envoy hands it over in the name of the body after "đại diện"
        "Đại diện lãnh đạo UBND phường Tân Lợi trao giấy khen cho 3 tập thể.",
        [{"type": "Giấy khen", "issuer": "UBND phường Tân Lợi", "recipient_count": 3}],
    ),
    (  # a lowercase title between the distinction and "của"; "vì" giving a reason is no title
        "Thiếu tướng Lê Văn Hòa trao Bằng khen vì sự nghiệp bảo vệ an ninh Tổ quốc của Bộ Công an cho tập thể"
        " Sở Y tế.",
        [{"type": "Bằng khen", "issuer": "Bộ Công an", "presenter": "Lê Văn Hòa"}],
    ),
    (
        "UBND tỉnh tặng Bằng khen vì đã có thành tích xuất sắc cho 4 tập thể.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh", "name": None}],
    ),
    (
        "Bộ Công an trao Huy chương Vì an ninh Tổ quốc cho 5 đồng chí.",
        [
            {
                "type": "Huy chương",
                "name": "Huy chương Vì an ninh Tổ quốc",
                "issuer": "Bộ Công an",
                "recipient_count": 5,
            }
        ],
    ),
    (  # the district after the commune's post in the subject only locates it: no issuer of its own
        "Trung tá Vi Văn Khải, Trưởng Công an xã Phú Mỹ, huyện Đông Sơn trao giấy khen cho anh Tùng.",
        [{"type": "Giấy khen", "issuer": "Trưởng Công an xã Phú Mỹ"}],
    ),
    (  # "đã có giấy khen": the subject issued one; an envoy's caption before it joins that award
        "Đại diện Công an tỉnh Hòa Đông trao giấy khen cho hai học sinh. Giám đốc Công an tỉnh Hòa Đông"
        " đã có giấy khen hai học sinh và ông Lù Văn Sinh.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh Hòa Đông"}],
    ),
    (  # a count after "có" is a tally, no issuing
        "Công an xã Phú Mỹ đã có 5 giấy khen trong năm.",
        [{"type": "Giấy khen", "issuer": None}],
    ),
    (  # the party and the State as a clause's subject: one issuer, as written
        "Ghi nhận thành tích ấy, Đảng và Nhà nước đã tặng thưởng Huân chương Chiến công hạng Ba cho Đồn"
        " Biên phòng Nà Lạn.",
        [{"type": "Huân chương", "issuer": "Đảng và Nhà nước"}],
    ),
    (  # and with a comma; the mandate of a caption after it is the same order
        "Dịp này, Đảng, Nhà nước đã quyết định tặng thưởng Huân chương Độc lập cho Công an tỉnh. Thay mặt"
        " lãnh đạo Đảng, Nhà nước, đồng chí Vũ Văn Thành gắn Huân chương Độc lập lên Cờ truyền thống.",
        [{"type": "Huân chương", "issuer": "Đảng, Nhà nước"}],
    ),
    (  # a sector's name with a comma in it is one subject
        "Sở Văn hóa, Thể thao và Du lịch tặng giấy khen cho 3 đội văn nghệ.",
        [{"type": "Giấy khen", "issuer": "Sở Văn hóa, Thể thao và Du lịch"}],
    ),
    (  # a letter of praise before the distinction is another thing given, as money is
        "Thượng tá Lò Văn Sáng, Phó Trưởng Công an huyện Tây Sơn trao thư khen và giấy khen cho anh Tùng.",
        [{"type": "Giấy khen", "issuer": "Công an huyện Tây Sơn", "presenter": "Lò Văn Sáng"}],
    ),
    (  # the Ministry's medal handed over by the province's police chief: his post is no issuer
        "Đại tá Lò Văn Sáng, Giám đốc Công an tỉnh Hòa Đông trao Kỷ niệm chương Bảo vệ an ninh Tổ quốc"
        " cho 5 cá nhân.",
        [{"type": "Kỷ niệm chương", "issuer": "Bộ Công an", "presenter": "Lò Văn Sáng"}],
    ),
    (  # a medal of another name keeps the subject that grants it
        "Trung ương Đoàn tặng Kỷ niệm chương Vì thế hệ trẻ cho anh Sùng A Páo.",
        [{"type": "Kỷ niệm chương", "issuer": "Trung ương Đoàn"}],
    ),
    (  # "đã có (ban hành) quyết định tặng": the subject grants
        "Chủ tịch UBND huyện Đông Sơn đã ban hành quyết định tặng giấy khen cho 4 tổ hòa giải.",
        [{"type": "Giấy khen", "issuer": "Chủ tịch UBND huyện Đông Sơn"}],
    ),
    (
        "Ghi nhận đóng góp ấy, Giám đốc Sở Tư pháp đã có Quyết định tặng giấy khen cho 6 hòa giải viên.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Sở Tư pháp"}],
    ),
    (  # and after a deputy's post: the deputy's body is the guess, not the province
        "Thượng tá Lò Văn Sáng, Phó Trưởng Công an huyện Đông Sơn, tỉnh Hòa Đông trao giấy khen cho"
        " anh Tùng.",
        [{"type": "Giấy khen", "issuer": "Công an huyện Đông Sơn"}],
    ),
]

# A second object of the same verb, the verb left out, shares its subject (or mandate) as issuer.
COORDINATED = [
    (  # the flag is the body's, the certificate its head's, under one "của"
        "Năm nay, 26 đơn vị được nhận cờ thi đua và bằng khen của Chủ tịch UBND tỉnh.",
        [
            {"type": "Cờ thi đua", "issuer": "UBND tỉnh"},
            {"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh"},
        ],
    ),
    (  # the flag named for leading a movement; the verb-first clause after it shares the subject
        "Ban Thường vụ Hội Nông dân tỉnh tặng cờ dẫn đầu phong trào thi đua cho Hội Nông dân xã Tân Mỹ;"
        " tặng bằng khen cho 2 tập thể và 9 cá nhân.",
        [
            {
                "type": "Cờ thi đua",
                "issuer": "Ban Thường vụ Hội Nông dân tỉnh",
                "recipients": ["Hội Nông dân xã Tân Mỹ"],
            },
            {"type": "Bằng khen", "issuer": "Ban Thường vụ Hội Nông dân tỉnh", "recipient_count": 11},
        ],
    ),
    (  # a bare "cờ" listed with other distinctions; bodies listed by commas each grant, the province
        # the higher distinctions
        "Nhân dịp này, Ủy ban nhân dân tỉnh, Giám đốc Công an tỉnh trao tặng cờ, bằng khen và giấy khen"
        " cho 6 tập thể, 8 cá nhân.",
        [
            {"type": "Cờ thi đua", "issuer": "Ủy ban nhân dân tỉnh", "recipient_count": 14},
            {"type": "Bằng khen", "issuer": "Ủy ban nhân dân tỉnh"},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"},
        ],
    ),
    (  # two bodies of one level, three distinctions: in turn, the first body the surplus higher ones
        "Nhân dịp này, UBND huyện, Công an huyện tặng cờ, bằng khen, giấy khen cho các tập thể.",
        [
            {"type": "Cờ thi đua", "issuer": "UBND huyện"},
            {"type": "Bằng khen", "issuer": "UBND huyện"},
            {"type": "Giấy khen", "issuer": "Công an huyện"},
        ],
    ),
    (
        "Dịp này, UBND huyện, Giám đốc Công an tỉnh tặng Giấy khen cho 3 tổ tự quản.",
        [
            {"type": "Giấy khen", "issuer": "UBND huyện"},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"},
        ],
    ),
    (  # an opener before the comma is no issuer
        "Tại hội nghị, Công an tỉnh tặng Giấy khen cho 3 tổ tự quản.",
        [{"type": "Giấy khen", "issuer": "Công an tỉnh"}],
    ),
    (  # nor when its noun is capitalised like a body's name
        "Tại Hội nghị sơ kết, Ban Chỉ huy Quân sự huyện trao Giấy khen cho 3 tổ tự quản.",
        [{"type": "Giấy khen", "issuer": "Ban Chỉ huy Quân sự huyện"}],
    ),
    (  # "cờ" with "và" before another distinction
        "Dịp này, UBND tỉnh tặng cờ và bằng khen cho 3 xã.",
        [{"type": "Cờ thi đua", "issuer": "UBND tỉnh"}, {"type": "Bằng khen", "issuer": "UBND tỉnh"}],
    ),
    (  # "và" joining two clauses, each with its own subject: the body is no recipient of the first
        "Sáng nay, Tỉnh ủy tặng Cờ thi đua cho 2 đảng bộ và Công an tỉnh tặng Giấy khen cho 7 cá nhân.",
        [
            {"type": "Cờ thi đua", "issuer": "Tỉnh ủy", "recipients": [], "recipient_count": 2},
            {"type": "Giấy khen", "issuer": "Công an tỉnh", "recipient_count": 7},
        ],
    ),
    (  # the same after a passive first clause
        "Dịp này, Công an huyện Đông Lâm được Bộ Công an tặng Cờ thi đua và Giám đốc Công an tỉnh tặng"
        " Giấy khen.",
        [
            {"type": "Cờ thi đua", "issuer": "Bộ Công an", "recipients": ["Công an huyện Đông Lâm"]},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"},
        ],
    ),
    (  # bodies listed as recipients, no verb after them: still recipients
        "Bộ Công an tặng Bằng khen cho Công an huyện Tân Mỹ và Công an xã Đông Lâm.",
        [
            {
                "type": "Bằng khen",
                "issuer": "Bộ Công an",
                "recipients": ["Công an huyện Tân Mỹ", "Công an xã Đông Lâm"],
            }
        ],
    ),
    (  # a clause after ';' that is only its verb shares the subject before
        "Dịp này, UBND tỉnh tặng Bằng khen cho 3 tập thể; tặng Giấy khen cho 5 cá nhân.",
        [
            {"type": "Bằng khen", "issuer": "UBND tỉnh", "recipient_count": 3},
            {"type": "Giấy khen", "issuer": "UBND tỉnh", "recipient_count": 5, "rule": "shared_subject"},
        ],
    ),
    (  # not a "của" issuer: it belongs to its own distinction
        "Dịp này, Bằng khen của UBND tỉnh được trao cho 3 tập thể; tặng Giấy khen cho 5 cá nhân.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh"}, {"type": "Giấy khen", "issuer": None}],
    ),
    (
        "UBND tỉnh tặng Cờ thi đua cho 3 tập thể và Bằng khen cho 5 cá nhân.",
        [
            {"type": "Cờ thi đua", "issuer": "UBND tỉnh", "recipient_count": 3},
            {"type": "Bằng khen", "issuer": "UBND tỉnh", "rule": "coordinated_object", "recipient_count": 5},
        ],
    ),
    (
        "Dịp này, Bộ Công an tặng Kỷ niệm chương Vì an ninh Tổ quốc cho 2 cá nhân, Bằng khen cho 4 tập thể.",
        [
            {"type": "Kỷ niệm chương", "issuer": "Bộ Công an"},
            {"type": "Bằng khen", "issuer": "Bộ Công an", "recipient_kind": "collective"},
        ],
    ),
    (  # a chain of objects, each sharing the first subject
        "UBND huyện tặng Giấy khen cho Công an xã Tân Phú, Cờ thi đua cho xã Đông Lâm và Bằng khen cho 2"
        " cá nhân.",
        [
            {"type": "Giấy khen", "issuer": "UBND huyện"},
            {"type": "Cờ thi đua", "issuer": "UBND huyện"},
            {"type": "Bằng khen", "issuer": "UBND huyện"},
        ],
    ),
    (  # after "của" the issuer belongs to its own distinction; the presenter is shared
        "Đại tá Lê Văn Hải trao Bằng khen của UBND tỉnh cho 3 tập thể và Giấy khen cho 5 cá nhân.",
        [
            {"type": "Bằng khen", "issuer": "UBND tỉnh", "presenter": "Lê Văn Hải"},
            {"type": "Giấy khen", "issuer": None, "presenter": "Lê Văn Hải"},
        ],
    ),
    (  # a verb of its own, or a new clause, shares nothing
        "UBND tỉnh tặng Cờ thi đua cho 3 tập thể; 5 cá nhân nhận Bằng khen.",
        [{"type": "Cờ thi đua", "issuer": "UBND tỉnh"}, {"type": "Bằng khen", "issuer": None}],
    ),
    (  # as many issuers as distinctions: each in turn
        "Nhiều tập thể, cá nhân được Bộ Công an, UBND tỉnh, Giám đốc Công an tỉnh tặng Bằng khen, Cờ thi"
        " đua và Giấy khen.",
        [
            {"type": "Bằng khen", "issuer": "Bộ Công an"},
            {"type": "Cờ thi đua", "issuer": "UBND tỉnh"},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"},
        ],
    ),
    (  # ... also after "của"
        "Dịp này, 12 tập thể nhận Bằng khen, Giấy khen của UBND tỉnh và Công an tỉnh.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh"}, {"type": "Giấy khen", "issuer": "Công an tỉnh"}],
    ),
    (  # the last body of a comma list of clauses grants its own, the first distinction commas back
        "Hôm ấy, Tỉnh đoàn tặng Bằng khen 4 tập thể, 6 cá nhân và Công an huyện Đông Sơn tặng Giấy"
        " khen cho 8 đoàn viên.",
        [
            {"type": "Bằng khen", "issuer": "Tỉnh đoàn"},
            {"type": "Giấy khen", "issuer": "Công an huyện Đông Sơn"},
        ],
    ),
    (  # a sentence opening with the verb shares the previous sentence's subject and presenter
        "Chiều qua, Trung tướng Vi Văn Khải, Giám đốc Công an tỉnh, đã tặng Kỷ niệm chương cho ông Tòng"
        " Văn Hải. Tặng giấy khen cho 7 cá nhân có nhiều đóng góp.",
        [
            {"type": "Kỷ niệm chương", "issuer": "Giám đốc Công an tỉnh"},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "presenter": "Vi Văn Khải"},
        ],
    ),
    (  # not across a paragraph
        "UBND huyện Tây Sơn tặng Giấy khen cho 3 tập thể.\n\nTặng bằng khen cho 8 cá nhân có thành tích.",
        [{"type": "Giấy khen", "issuer": "UBND huyện Tây Sơn"}, {"type": "Bằng khen", "issuer": None}],
    ),
    (  # nor after a sentence between them
        "UBND huyện Tây Sơn tặng Giấy khen cho 3 tập thể. Buổi lễ diễn ra ấm cúng. Tặng bằng khen cho 8"
        " cá nhân.",
        [{"type": "Giấy khen", "issuer": "UBND huyện Tây Sơn"}, {"type": "Bằng khen", "issuer": None}],
    ),
    (  # nor an issuer said with "của": it is its own distinction's
        "Ông Lý trao Bằng khen của UBND huyện Tây Sơn cho 3 tập thể. Tặng giấy khen cho 8 cá nhân.",
        [{"type": "Bằng khen", "issuer": "UBND huyện Tây Sơn"}, {"type": "Giấy khen", "issuer": None}],
    ),
    (  # after a short adverbial and its comma too
        "Chiều qua, Tỉnh đoàn Hòa Đông tặng bằng khen cho 3 chi đoàn. Bên cạnh đó, tặng giấy khen cho 6 đoàn"
        " viên.",
        [
            {"type": "Bằng khen", "issuer": "Tỉnh đoàn Hòa Đông"},
            {"type": "Giấy khen", "issuer": "Tỉnh đoàn Hòa Đông"},
        ],
    ),
    (  # after ';' a clause that is only the next object: the verb and its subject left out
        "Giám đốc Công an tỉnh tặng Bằng khen cho 4 tập thể, 6 cá nhân; Giấy khen cho 11 cá nhân.",
        [
            {"type": "Bằng khen", "issuer": "Giám đốc Công an tỉnh"},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"},
        ],
    ),
    (  # not an issuer said with "của"
        "Bằng khen của UBND huyện được trao cho 4 tập thể; Giấy khen cho 11 cá nhân.",
        [{"type": "Bằng khen", "issuer": "UBND huyện"}, {"type": "Giấy khen", "issuer": None}],
    ),
]

ISSUER_PASSIVE_AND_MANDATE = [
    (  # three agents and two distinctions: the higher to the ministry and the province, as the law
        # gives them; a board written in lowercase
        "Dịp này, 19 tập thể, 10 cá nhân được Bộ Công an, UBND tỉnh, Ban giám đốc Công an tỉnh tặng Bằng"
        " khen, Giấy khen.",
        [
            {"type": "Bằng khen", "issuer": "Bộ Công an"},
            {"type": "Bằng khen", "issuer": "UBND tỉnh"},
            {"type": "Giấy khen", "issuer": "Ban giám đốc Công an tỉnh"},
        ],
    ),
    (  # abbreviated union names are bodies; both coordinated distinctions share the agent
        "Hai công nhân được Tổng LĐLĐ Việt Nam trao Bằng khen và Huy hiệu Lao động sáng tạo.",
        [
            {"type": "Bằng khen", "issuer": "Tổng LĐLĐ Việt Nam"},
            {"type": "Huy hiệu", "issuer": "Tổng LĐLĐ Việt Nam"},
        ],
    ),
    (  # "thừa ủy nhiệm" is a mandate as "thừa ủy quyền" is
        "Thừa ủy nhiệm của Đảng, Nhà nước, ông Lê Văn Bình, Phó Chủ tịch HĐND tỉnh đã trao Huân chương Độc"
        " lập hạng Nhất cho Sở Y tế.",
        [{"type": "Huân chương", "issuer": "Đảng, Nhà nước", "presenter": "Lê Văn Bình"}],
    ),
    (  # "khi" ends the issuer: what follows is the reason
        "Đội điền kinh nhận Bằng khen của Bộ VH-TT-DL khi giành huy chương.",
        [{"type": "Bằng khen", "issuer": "Bộ VH-TT-DL"}],
    ),
    (  # "thừa lệnh": a mandate too
        "Thừa lệnh Chủ tịch nước, ông Lê Văn Thắng, Chủ tịch UBND tỉnh Tân Mỹ, đã trao huân chương Chiến công"
        " hạng Ba cho tập thể Công an tỉnh.",
        [
            {
                "type": "Huân chương",
                "issuer": "Chủ tịch nước",
                "rule": "on_behalf",
                "presenter": "Lê Văn Thắng",
            }
        ],
    ),
    (  # a provincial post hands an order over, it does not grant it
        "Ông Lê Văn Thắng, Chủ tịch UBND tỉnh Tân Mỹ, đã trao huân chương Chiến công hạng Ba cho tập thể"
        " Công an tỉnh.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "rule": "conventional_issuer"}],
    ),
    (  # "có" before the counted recipients
        "Dịp này, có 6 tập thể và 16 cá nhân cũng được Giám đốc Công an tỉnh tặng giấy khen.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "recipient_count": 22}],
    ),
    (  # each clause's own agent, commas only between them
        "Dịp này, có 3 tập thể được Chủ tịch UBND tỉnh tặng Bằng khen, 5 tập thể được Giám đốc Công an tỉnh"
        " tặng Giấy khen.",
        [
            {"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh", "rule": "agent_passive"},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "rule": "agent_passive"},
        ],
    ),
    (  # the flag the order is pinned on belongs to the recipient, the one pinning it grants nothing:
        # the order is the President's, as the law has it
        "Chủ tịch Quốc hội gắn Huân chương Sao Vàng lên Cờ truyền thống của Công an thành phố.",
        [
            {
                "type": "Huân chương",
                "issuer": "Chủ tịch nước",
                "name": "Huân chương Sao Vàng",
                "rule": "conventional_issuer",
            }
        ],
    ),
    (  # the Ministry's medal, by its name
        "Tại Ngày hội, 14 cá nhân được nhận Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”.",
        [{"type": "Kỷ niệm chương", "issuer": "Bộ Công an", "rule": "conventional_issuer"}],
    ),
    (  # a medal with no name is anyone's
        "Tại Ngày hội, 14 cá nhân được nhận Kỷ niệm chương.",
        [{"type": "Kỷ niệm chương", "issuer": None}],
    ),
    (  # "thay mặt lãnh đạo Đảng, Nhà nước": the State's mandate, quoted as written
        "Thay mặt lãnh đạo Đảng, Nhà nước, đồng chí Vũ Văn Thành trao Huân chương Chiến công hạng Nhì cho"
        " Phòng Cảnh sát hình sự.",
        [
            {
                "type": "Huân chương",
                "issuer": "Đảng, Nhà nước",
                "name": "Huân chương Chiến công hạng Nhì",
                "rule": "on_behalf",
                "presenter": "Vũ Văn Thành",
            }
        ],
    ),
    (  # a mandate's leaders name their body
        "Thay mặt lãnh đạo Công an tỉnh, Đại tá Lê Văn Hòa trao Giấy khen cho 2 tập thể.",
        [{"type": "Giấy khen", "issuer": "Công an tỉnh", "rule": "on_behalf", "recipient_count": 2}],
    ),
    (
        "Được sự ủy quyền của Chủ tịch nước, Thiếu tướng Hà Văn Tú trao Huân chương Bảo vệ Tổ quốc hạng Nhì"
        " cho Công an tỉnh.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "rule": "on_behalf"}],
    ),
    (
        "Công an xã Tân Phú vinh dự được Chủ tịch nước tặng Huân chương Bảo vệ Tổ quốc hạng Ba.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "rule": "agent_passive"}],
    ),
    (
        "Công an tỉnh vinh dự đón nhận Cờ thi đua của Chính phủ.",
        [{"type": "Cờ thi đua", "issuer": "Chính phủ", "recipients": ["Công an tỉnh"]}],
    ),
    (
        "Bộ Công an tặng Kỷ niệm chương Vì an ninh Tổ quốc cho 5 cá nhân.",
        [{"type": "Kỷ niệm chương", "issuer": "Bộ Công an", "name": "Kỷ niệm chương Vì an ninh Tổ quốc"}],
    ),
    (  # each clause its own agent
        "Dịp này, 3 tập thể, 5 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen; 10 tập thể, 12 cá nhân được"
        " Giám đốc Công an tỉnh tặng Giấy khen.",
        [
            {"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh", "recipient_count": 8},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "recipient_count": 22},
        ],
    ),
    (  # coordinated agents each grant
        "Nhiều tập thể được UBND tỉnh và Bộ Công an tặng Bằng khen.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh"}, {"type": "Bằng khen", "issuer": "Bộ Công an"}],
    ),
    (
        "Nhân dịp này, nhiều tập thể, cá nhân được UBND huyện, Công an huyện khen thưởng.",
        [
            {"type": "Khen thưởng", "issuer": "UBND huyện", "rule": "agent_commends"},
            {"type": "Khen thưởng", "issuer": "Công an huyện", "rule": "agent_commends"},
        ],
    ),
    (
        "Công an xã Phú Mỹ vinh dự được Thủ tướng Chính phủ tặng Bằng khen.",
        [
            {
                "type": "Bằng khen",
                "issuer": "Thủ tướng Chính phủ",
                "recipients": ["Công an xã Phú Mỹ"],
                "rule": "agent_passive",
            }
        ],
    ),
    (
        "Thừa ủy quyền của Chủ tịch nước, Thiếu tướng Trần Văn Bình trao Huân chương Chiến công hạng Nhì cho"
        " Công an huyện Mỹ Lộc.",
        [
            {
                "type": "Huân chương",
                "issuer": "Chủ tịch nước",
                "name": "Huân chương Chiến công hạng Nhì",
                "rule": "on_behalf",
            }
        ],
    ),
    (  # the mandate of the clause, not the post of the person handing it over
        "Tại buổi lễ, thừa ủy quyền của Bộ trưởng Bộ Công an, Đại tá Lê Văn Hòa - Ủy viên Ban Thường vụ"
        " Tỉnh ủy, Giám đốc Công an tỉnh trao Kỷ niệm chương cho 7 đồng chí.",
        [
            {
                "type": "Kỷ niệm chương",
                "issuer": "Bộ trưởng Bộ Công an",
                "rule": "on_behalf",
                "presenter": "Lê Văn Hòa",
                "recipient_count": 7,
            }
        ],
    ),
    (
        "Thay mặt Chủ tịch nước, Thiếu tướng Hà Văn Lâm trao Huân chương Chiến công hạng Ba cho 2 tập thể.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "rule": "on_behalf"}],
    ),
    (  # a lowercase opening of a distinction's name; the next distinction ends the issuer; "được truy
        # tặng": the subject receives, hands nothing over
        "Thượng sĩ Lò Văn Pấng vừa được truy tặng Huân chương bảo vệ Tổ quốc hạng Ba của Chủ tịch nước cùng"
        " Huy hiệu “Thanh niên xung kích” của Trung ương Đoàn.",
        [
            {
                "type": "Huân chương",
                "name": "Huân chương bảo vệ Tổ quốc hạng Ba",
                "issuer": "Chủ tịch nước",
                "recipients": ["Lò Văn Pấng"],
                "presenter": None,
            },
            {"type": "Huy hiệu", "issuer": "Trung ương Đoàn"},
        ],
    ),
    (
        "Công an xã Tân Lập vinh dự đón nhận Huân chương Chiến công hạng Ba.",
        [
            {
                "type": "Huân chương",
                "issuer": "Chủ tịch nước",  # by law, none being said
                "recipients": ["Công an xã Tân Lập"],
                "recipient_kind": "collective",
            }
        ],
    ),
]

GENERIC = [
    (
        "UBND xã Đông Lâm cũng đã khen thưởng các tập thể, cá nhân tiêu biểu.",
        [{"type": "Khen thưởng", "issuer": "UBND xã Đông Lâm", "rule": "issuer_commends"}],
    ),
    (
        "Ông Lê Văn Tám được UBND huyện Bình Lục khen thưởng vì thành tích bắt cướp.",
        [{"type": "Khen thưởng", "issuer": "UBND huyện Bình Lục", "recipients": ["Lê Văn Tám"]}],
    ),
    (  # a decision signed or issued, then the generic verb
        "Chủ tịch UBND xã Đông Lâm đã ký quyết định khen thưởng 5 tập thể, 7 cá nhân.",
        [{"type": "Khen thưởng", "issuer": "Chủ tịch UBND xã Đông Lâm", "recipient_count": 12}],
    ),
    (
        "UBND huyện Đông Lâm đã ban hành quyết định khen thưởng 12 người dân bắt cướp.",
        [{"type": "Khen thưởng", "issuer": "UBND huyện Đông Lâm"}],
    ),
    (
        "Ngay sau vụ việc, Tỉnh đoàn Tân Mỹ có quyết định khen thưởng hai đoàn viên.",
        [{"type": "Khen thưởng", "issuer": "Tỉnh đoàn Tân Mỹ"}],
    ),
    (  # praise, then the generic verb
        "Dịp này, UBND huyện Đông Lâm biểu dương, khen thưởng 10 tập thể và 12 cá nhân.",
        [{"type": "Khen thưởng", "issuer": "UBND huyện Đông Lâm", "recipient_count": 22}],
    ),
    (  # the body after the verb "khen thưởng" is commended, not the issuer
        "Ngay trong ngày, Giám đốc Công an tỉnh đã khen thưởng Ban chuyên án với hình thức Giấy khen.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"}],
    ),
    (
        "UBND xã Tân Phú đã khen thưởng Công an xã Tân Phú.",
        [{"type": "Khen thưởng", "issuer": "UBND xã Tân Phú"}],
    ),
]

MERGES = [
    (  # a school right after the order it received, without "của", is no issuer
        "Sáng 18/11, UBND xã Đông Lâm tổ chức Lễ đón nhận Huân chương Lao động hạng Ba Trường THCS Tân Mỹ."
        " Thừa ủy quyền của Chủ tịch nước, lãnh đạo Sở Giáo dục trao Huân chương Lao động hạng Ba cho Trường"
        " THCS Tân Mỹ.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "recipients": ["Trường THCS Tân Mỹ"]}],
    ),
    (  # a body that "trao" to other recipients than another body's award of the kind grants its own
        "UBND huyện Đông Lâm trao Giấy khen cho 6 tập thể. Công an huyện tặng Giấy khen cho 4 tập thể.",
        [
            {"type": "Giấy khen", "issuer": "UBND huyện Đông Lâm", "recipient_count": 6},
            {"type": "Giấy khen", "issuer": "Công an huyện", "recipient_count": 4},
        ],
    ),
    (
        "Công an huyện trao Giấy khen cho xã Tân Mỹ. Xã Phú Lạc nhận Giấy khen của UBND huyện.",
        [
            {"type": "Giấy khen", "issuer": "Công an huyện", "recipients": ["xã Tân Mỹ"]},
            {"type": "Giấy khen", "issuer": "UBND huyện", "recipients": ["Xã Phú Lạc"]},
        ],
    ),
    (  # one issuer written in lowercase and capitalised: one award
        "Ba tổ tự quản nhận giấy khen của giám đốc công an tỉnh. Ảnh: Minh Hà\n\nHôm qua, 3 tổ tự quản ở xã"
        " Đông Lâm được nhận Giấy khen của Giám đốc Công an tỉnh.",
        [{"type": "Giấy khen", "issuer": "giám đốc công an tỉnh", "recipient_count": 3}],
    ),
    (  # an envoy's caption beside several said awards of its kind hands over one of them: no new award
        "Lãnh đạo Công an tỉnh tặng Bằng khen cho các tập thể.\nDịp này, Ban Chỉ đạo tỉnh trao Bằng khen"
        " của Bộ Công an cho 6 tập thể; UBND tỉnh tặng Bằng khen cho 4 tập thể, 8 cá nhân.",
        [{"type": "Bằng khen", "issuer": "Bộ Công an"}, {"type": "Bằng khen", "issuer": "UBND tỉnh"}],
    ),
    (  # the post and its body are one issuer; the first spelling is kept
        "Lãnh đạo tỉnh trao Bằng khen của UBND tỉnh cho các đơn vị điển hình. Cuối buổi, nhiều cá nhân"
        " được nhận Bằng khen của Chủ tịch UBND tỉnh.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh", "recipient_kind": "collective"}],
    ),
    (  # the unit named later completes the issuer
        "Lãnh đạo huyện trao giấy khen của UBND huyện cho tập thể xã Phú Lạc. Tại ngày hội đã trao giấy khen"
        " của UBND huyện Đông Lâm cho 01 tập thể.",
        [
            {
                "type": "Giấy khen",
                "issuer": "UBND huyện Đông Lâm",
                "recipients": ["xã Phú Lạc"],
                "recipient_count": 1,
            }
        ],
    ),
    (  # a photo caption repeating the body
        "UBND tỉnh tặng Cờ thi đua cho Công an xã An Phú. Lãnh đạo UBND tỉnh trao Cờ thi đua của UBND tỉnh"
        " cho Công an xã An Phú.",
        [{"type": "Cờ thi đua", "issuer": "UBND tỉnh", "recipients": ["Công an xã An Phú"]}],
    ),
    (  # a mention with no issuer joins the same-type award with the same kind of recipients
        "Thượng tá Trần Văn Bình, Phó Giám đốc Công an tỉnh trao giấy khen cho một chiến sĩ dũng cảm. Dịp"
        " này, 01 chiến sĩ nhận Giấy khen của Giám đốc Công an tỉnh; 01 tập thể nhận giấy khen của UBND huyện"
        " Đông Lâm.",
        [
            {
                "type": "Giấy khen",
                "issuer": "Giám đốc Công an tỉnh",
                "presenter": "Trần Văn Bình",
                "recipient_kind": "individual",
            },
            {"type": "Giấy khen", "issuer": "UBND huyện Đông Lâm", "recipient_kind": "collective"},
        ],
    ),
    (  # alone, it is an award of unknown issuer
        "Dịp này, 10 tập thể được tặng Giấy khen.",
        [{"type": "Giấy khen", "issuer": None, "recipient_count": 10, "recipient_kind": "collective"}],
    ),
    (  # the envoy's body is no issuer: the award said to be the chairman's is the one handed over
        "Đại diện lãnh đạo UBND phường Tân An trao giấy khen cho 2 tập thể. Dịp này, 2 tập thể và 3 cá nhân"
        " được nhận giấy khen của Chủ tịch UBND phường.",
        [{"type": "Giấy khen", "issuer": "Chủ tịch UBND phường"}],
    ),
    (  # a caption naming the director's award by the police's name
        "Đại diện Công an tỉnh trao Giấy khen cho 4 cá nhân. Dịp này, 4 cá nhân nhận Giấy khen của Giám đốc"
        " Công an tỉnh.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "recipient_count": 4}],
    ),
    (  # the same director's award, once with the post and once with the body
        "Thượng tá Lò Văn Hải trao Giấy khen của Giám đốc Công an tỉnh cho 3 tập thể. Cuối buổi, 3 tập thể"
        " được nhận Giấy khen của Công an tỉnh.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh"}],
    ),
    (  # the envoy's body beside the one award of the kind whose issuer is said: that award
        "Đại diện lãnh đạo Công an tỉnh trao Kỷ niệm chương cho 5 cá nhân. Dịp này, 5 cá nhân được nhận Kỷ"
        " niệm chương Vì an ninh Tổ quốc của Bộ Công an.",
        [{"type": "Kỷ niệm chương", "issuer": "Bộ Công an", "recipient_count": 5}],
    ),
    (  # a body that hands over ("trao") the director's award is no issuer beside it
        "Công an huyện Nông Sơn trao Giấy khen cho 5 cá nhân. Dịp này, 5 cá nhân nhận Giấy khen của Giám đốc"
        " Công an tỉnh.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "recipient_count": 5}],
    ),
    (  # alone, it stays the issuer
        "UBND tỉnh trao Cờ thi đua cho Công an xã Tân Phú.",
        [{"type": "Cờ thi đua", "issuer": "UBND tỉnh", "recipients": ["Công an xã Tân Phú"]}],
    ),
    (  # leaders of a body hand over: a guess, joining the award whose issuer is said
        "Lãnh đạo Công an tỉnh trao Kỷ niệm chương cho 5 cá nhân. Dịp này, 5 cá nhân được nhận Kỷ niệm"
        " chương của Bộ Công an.",
        [{"type": "Kỷ niệm chương", "issuer": "Bộ Công an"}],
    ),
    (  # else the guess stands
        "Lãnh đạo UBND huyện trao Giấy khen cho 3 tập thể.",
        [{"type": "Giấy khen", "issuer": "UBND huyện"}],
    ),
    (  # the one body said to commend gives the named distinction of unknown issuer
        "Chủ tịch UBND huyện Tân Mỹ đã khen thưởng 5 tập thể có thành tích. Tại buổi lễ, các đại biểu trao"
        " Giấy khen cho các tập thể.",
        [{"type": "Giấy khen", "issuer": "Chủ tịch UBND huyện Tân Mỹ"}],
    ),
    (  # the unit and its people's committee are one issuer, worded as the distinction's "của" says;
        # not its police
        "Xã Tân Phú tặng Giấy khen cho 3 tập thể. Dịp này, 3 tập thể nhận Giấy khen của UBND xã Tân Phú; 2"
        " tập thể nhận Giấy khen của Công an xã Tân Phú.",
        [
            {"type": "Giấy khen", "issuer": "UBND xã Tân Phú", "recipient_count": 3},
            {"type": "Giấy khen", "issuer": "Công an xã Tân Phú", "recipient_count": 2},
        ],
    ),
    (  # a caption's subject, then the distinction's own "của": one award, worded as the "của" says
        "Bộ Công an tặng Bằng khen cho xã Tân Mỹ. Ảnh: Minh Hà\n\nDịp này, xã Tân Mỹ vinh dự đón nhận Bằng"
        " khen của Bộ trưởng Bộ Công an.",
        [{"type": "Bằng khen", "issuer": "Bộ trưởng Bộ Công an", "recipients": ["xã Tân Mỹ"]}],
    ),
    (  # likewise "được ... tặng" after a subject
        "UBND tỉnh tặng Bằng khen cho 3 tập thể. Ảnh: Minh Hà\n\nCác tập thể được Chủ tịch UBND tỉnh tặng"
        " Bằng khen đều là công an xã.",
        [{"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh", "recipient_count": 3}],
    ),
    (  # two "của" wordings: the first stays (no flip to the later one)
        "Các đơn vị nhận Bằng khen của UBND tỉnh. Ảnh: Minh Hà\n\nDịp này, 3 tập thể nhận Bằng khen của Chủ"
        " tịch UBND tỉnh.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh"}],
    ),
    (  # a deputy hands over in the name of the body: a guess, joining the award said outright
        "Đồng chí Phó Giám đốc Công an tỉnh trao Bằng khen cho 3 tập thể. Dịp này, 3 tập thể nhận Bằng khen"
        " của Bộ trưởng Bộ Công an.",
        [{"type": "Bằng khen", "issuer": "Bộ trưởng Bộ Công an", "recipient_count": 3}],
    ),
    (  # captions of three bodies' awards, each handed over by its own: three guesses, not one
        "Lãnh đạo Công an huyện Đông Lâm trao giấy khen cho các cá nhân\n\nBà Lò Thị Hoa - Phó Chủ tịch UBND"
        " huyện Đông Lâm, trao giấy khen cho tập thể\n\nLãnh đạo Công an tỉnh trao giấy khen cho 3 cá nhân",
        [
            {"type": "Giấy khen", "issuer": "Công an huyện Đông Lâm"},
            {"type": "Giấy khen", "issuer": "UBND huyện Đông Lâm"},
            {"type": "Giấy khen", "issuer": "Công an tỉnh"},
        ],
    ),
    (  # unless the recipients differ
        "Đại diện UBND huyện Tân Mỹ trao giấy khen cho 3 tập thể. Dịp này, Giám đốc Công an tỉnh tặng giấy"
        " khen cho 2 cá nhân.",
        [
            {"type": "Giấy khen", "issuer": "UBND huyện Tân Mỹ", "recipient_kind": "collective"},
            {"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "recipient_kind": "individual"},
        ],
    ),
    (  # an envoy's body granting nothing said elsewhere stays the guess
        "Đại diện lãnh đạo UBND xã Tân Phú trao giấy khen cho 3 tập thể.",
        [{"type": "Giấy khen", "issuer": "UBND xã Tân Phú", "rule": "issuer_grants"}],
    ),
    (  # the President's decision and the State's mandate: one order
        "Chủ tịch nước tặng Huân chương Bảo vệ Tổ quốc hạng Ba cho Công an huyện Đông Lâm. Thay mặt lãnh đạo"
        " Đảng, Nhà nước, đồng chí Vũ Văn Thành trao Huân chương Bảo vệ Tổ quốc hạng Ba cho Công an huyện.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "name": "Huân chương Bảo vệ Tổ quốc hạng Ba"}],
    ),
    (  # the Prime Minister, shortened in a later sentence
        "Thủ tướng Chính phủ tặng Bằng khen cho 2 tập thể. Đây là lần thứ hai xã được Thủ tướng tặng Bằng"
        " khen.",
        [{"type": "Bằng khen", "issuer": "Thủ tướng Chính phủ"}],
    ),
    (  # the headline shortens the name; the body's is kept
        "Thủ tướng tặng bằng khen cho Công an xã Tân Phú\n\nThủ tướng Chính phủ vừa tặng Bằng khen cho Công"
        " an xã Tân Phú.",
        [{"type": "Bằng khen", "issuer": "Thủ tướng Chính phủ"}],
    ),
    (  # a headline the body does not contradict reports its award
        "Công an xã Tân Phú đón nhận Huân chương Chiến công hạng Ba\n\nSáng 5/8, Công an xã Tân Phú tổ chức"
        " lễ đón nhận phần thưởng cao quý.",
        [{"type": "Huân chương", "issuer": "Chủ tịch nước", "recipients": ["Công an xã Tân Phú"]}],
    ),
    (  # a generic "khen thưởng" by the body that grants the Giấy khen is that Giấy khen
        "UBND phường Tân An tổ chức ngày hội và khen thưởng 5 tập thể. Dịp này, 5 tập thể nhận giấy khen"
        " của Chủ tịch UBND phường Tân An.",
        [{"type": "Giấy khen", "issuer": "Chủ tịch UBND phường Tân An"}],
    ),
    (  # said with "của" first, then as a longer subject: the distinction's own wording stays
        "Sáng 9/4, Công an huyện tổ chức lễ trao bằng khen của Chủ tịch UBND tỉnh cho các tập thể. Ghi"
        " nhận thành tích, Chủ tịch UBND tỉnh Hòa Đông quyết định tặng bằng khen cho 4 tập thể.",
        [{"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh"}],
    ),
    (  # said with "của" twice, the longer name wins
        "Ông Lý trao giấy khen của UBND huyện cho xã Đông Lâm. Tại lễ, 3 tập thể nhận giấy khen của"
        " UBND huyện Tây Sơn.",
        [{"type": "Giấy khen", "issuer": "UBND huyện Tây Sơn"}],
    ),
    (  # the level abbreviated and spelled out: one body
        "Chị Hoa nhận giấy khen của Giám đốc Công an TP Bắc Lâm. Dịp này, Giám đốc Công an thành phố tặng"
        " giấy khen cho 3 tổ dân phố.",
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an TP Bắc Lâm"}],
    ),
]

TRAPS = [
    # a caption's envoys say who handed a generic "khen thưởng" over, not who granted it
    "Lãnh đạo UBND tỉnh và Công an tỉnh Đông Lâm khen thưởng các tập thể xuất sắc.",
    "Bộ đội Biên phòng trao tặng 500 lá cờ Tổ quốc cho ngư dân.",
    "Đoàn công tác tặng cờ Tổ quốc cho ngư dân xã Tân Mỹ.",
    "Biểu trưng của giải có hình huy hiệu Công đoàn Việt Nam.",  # an emblem, no distinction
    "Theo quy định, Bằng khen của Chủ tịch UBND tỉnh được xét tặng cho tập thể có thành tích xuất sắc.",
    "Đoàn thể thao của huyện giành 9 huy chương các loại, có 3 huy chương vàng.",
    # a vague tally of past awards, no issuer
    "Công an xã Tân Lạc đạt danh hiệu “Đơn vị Quyết thắng” và được tặng nhiều bằng khen, giấy khen.",
    "Đại diện Ngân hàng Chính sách xã hội huyện trao tặng học bổng và kinh phí sửa nhà cho 5 học sinh nghèo.",
    "Đại tá Trần Văn Bình tặng hoa chúc mừng ngày hội.",
    "Doanh nghiệp trên địa bàn ủng hộ 50 triệu đồng cho quỹ an ninh xã.",
    "Thượng tá Lê Minh tặng 20 suất quà cho các gia đình chính sách.",
    "Ban tổ chức tặng quà cho các hộ nghèo trên địa bàn.",
    "Đồng chí đề nghị địa phương kịp thời động viên, khen thưởng những gương người tốt, việc tốt.",
    "Hội đồng Thi đua - Khen thưởng tỉnh đã họp xét các hồ sơ.",
    "Công tác thi đua, khen thưởng được quan tâm.",
    "Đề nghị UBND tỉnh khen thưởng các tập thể có thành tích.",
    "UBND xã khen thưởng 2 triệu đồng cho mỗi tổ tự quản.",
    "UBND xã biểu dương, khen thưởng 2 triệu đồng cho mỗi tổ tự quản.",
    "Năm qua, UBND huyện đã ký quyết định khen thưởng 40 lượt tập thể.",
    "Lực lượng chức năng đã làm rõ 5 vụ trộm cắp tài sản.",
    "Các mô hình tự quản tiếp tục phát huy hiệu quả.",  # "huy hiệu" across two words
    "Các hộ dân treo cờ Tổ quốc trong dịp lễ.",  # a flag, not the emulation flag
    "Xã đã phát huy chương trình phối hợp giữa Công an và Đoàn Thanh niên.",  # "huy chương" likewise
    "Hội nghị thống nhất đề nghị Bộ Công an tặng Bằng khen cho 3 tập thể.",  # a proposal
    "Xã phấn đấu đạt Cờ thi đua của UBND tỉnh trong năm tới.",  # an aim
    "Sở Nội vụ tham mưu UBND tỉnh xét tặng bằng khen cho các tập thể tiêu biểu.",  # to be considered
    # a body's name, not an award
    "Dự lễ có ông Đinh Văn Quả, Phó Chủ tịch Hội đồng thi đua khen thưởng Trung ương.",
    # plans, tallies, look-backs and the rules of the law
    "Dịp này, UBND tỉnh sẽ tặng Bằng khen cho 3 tập thể có thành tích.",
    "Dịp này, UBND huyện sẽ khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    "Trong năm, Công an tỉnh đã khen thưởng 120 tập thể và 350 cá nhân.",
    "5 năm qua, UBND huyện đã khen thưởng 40 lượt tập thể.",
    "Toàn tỉnh có gần 200 Kỷ niệm chương, bằng khen đã được trao tặng cho các tập thể, cá nhân.",
    "Kỷ niệm chương chỉ tặng một lần cho cá nhân.",
    "Huy chương Vì an ninh Tổ quốc để tặng cho sĩ quan có thời gian phục vụ từ 25 năm trở lên.",
    # the design of the decorations, in a decree's preamble
    "Phụ lục II của thông tư giới thiệu mẫu huy chương, kỷ niệm chương và mẫu hộp đựng.",
    # a list proposed whole, items between ';' and in quotes
    'Dịp này, các đại biểu bình bầu và đề nghị tặng danh hiệu "Cờ thi đua" của Bộ Công an cho Công an huyện'
    ' Tân Mỹ; "Cờ thi đua" của Tổng cục Chính trị cho Công an huyện Đông Lâm.',
    "Tại hội nghị, các khối suy tôn “Cờ thi đua của Tổng cục”, “Cờ thi đua của UBND thành phố”.",
    # the proposal verb, then titles quoted one by one before the distinctions: one list, all proposed
    "Hội nghị suy tôn Công an xã Tân Mỹ đạt “Lao động tiên tiến”, “Cờ thi đua” của Bộ Tư lệnh.",
    "Các khối bình xét 4 đơn vị đạt “Tập thể lao động xuất sắc”, ” Lao động tiên tiến”, “Cờ thi đua”"
    " của Tổng cục, “Cờ thi đua của Giám đốc Công an tỉnh”.",
    "“Huân chương Quân công” hạng ba để tặng hoặc truy tặng cho cá nhân có quá trình cống hiến lâu dài.",
    # a headline alone, the body reporting no such award
    "Tặng Kỷ niệm chương cho cá nhân có nhiều đóng góp\n\nCông an tỉnh hướng dẫn các đơn vị đề nghị xét"
    " tặng Kỷ niệm chương năm nay.",
    # a conference is no body that grants: the generic "khen thưởng" has no issuer
    "Hội nghị đã biểu dương, khen thưởng 12 tập thể và 20 cá nhân có nhiều đóng góp.",
    # awards "from all levels": a tally of the year, no award of its own
    "Năm qua, 12 tập thể, 30 cá nhân được các cấp tặng giấy khen, bằng khen.",
    "Đội dân phòng được các cấp, các ngành tặng bằng khen.",
    # sports medals at a games are prizes, as "giải" is
    "Đội Công an huyện giành 2 huy chương vàng, 3 huy chương bạc tại Hội thao.",
    "Ban tổ chức trao Huy chương Đồng cho đội kéo co xã Tân Phú.",
]


@pytest.mark.parametrize(("text", "expected"), ISSUER_OF)
def test_issuer_after_cua(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), ISSUER_SUBJECT)
def test_issuer_as_subject(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_objects_share_the_issuer(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), ISSUER_PASSIVE_AND_MANDATE)
def test_passive_mandate_and_receiving(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), GENERIC)
def test_generic_khen_thuong_needs_an_issuer(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), MERGES)
def test_one_record_per_issuer_and_type(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", TRAPS)
def test_not_awards(text: str) -> None:
    assert run(text) == []


PRESENTERS = [
    (
        "Thay mặt lãnh đạo tỉnh, bà Lê Thị Hoa, Phó Chủ tịch UBND tỉnh trao Bằng khen của UBND tỉnh cho các"
        " đơn vị.",
        ["Lê Thị Hoa"],
        "Lê Thị Hoa",
    ),
    (  # a full name right after a level word is still the person
        "Phó Chủ tịch UBND huyện Trần Minh Đức trao Giấy khen của UBND huyện cho 3 tập thể.",
        ["Trần Minh Đức"],
        "Trần Minh Đức",
    ),
    (
        "Đại tá Trần Văn Bình, Phó Giám đốc Công an tỉnh trao Giấy khen cho 5 cá nhân.",
        ["Trần Văn Bình"],
        "Trần Văn Bình",
    ),
    # without officials from the officials extractor, a rank before a name still names the presenter
    ("Đại tá Trần Văn Bình, Phó Giám đốc Công an tỉnh trao Giấy khen cho 5 cá nhân.", [], "Trần Văn Bình"),
    ("Lãnh đạo Phòng PV01 trao Kỷ niệm chương của Bộ Công an cho cá nhân.", [], None),
    # a full name with no rank still reads as a person; a place after a level word does not
    ("Thứ trưởng Lê Quốc Hùng trao Huân chương Chiến công cho 2 tập thể.", [], "Lê Quốc Hùng"),
    ("UBND tỉnh Bắc Ninh trao Bằng khen cho 2 tập thể.", [], None),
    # an official list entry that is really a place name is not taken for the presenter
    ("Công an huyện Thạch Bàn trao Giấy khen cho 2 tập thể.", ["Thạch Bàn"], None),
    # a short form names the official by his full name
    ("Đại tá Trần Bình trao Giấy khen cho 5 cá nhân.", ["Trần Văn Bình"], "Trần Văn Bình"),
    ("Thượng tá Lê Minh Quân trao Giấy khen cho 5 cá nhân.", ["Lê Quân"], "Lê Minh Quân"),
    # a place after a hyphen is no name, even with "Bà" of "Bà Rịa" before it
    ("Công an tỉnh Bà Rịa - Vũng Tàu trao Giấy khen cho 2 tập thể.", [], None),
    # Central Highlands names are names
    ("Bà H’Yên Niê, Phó Chủ tịch UBND huyện trao Giấy khen cho 2 cá nhân.", [], "H’Yên Niê"),
    # a subject that receives hands nothing over; reported speech ends the speaker's clause
    ("Ông Lê Văn Tám, Trưởng thôn Đông được UBND huyện tặng Giấy khen.", ["Lê Văn Tám"], None),
    (
        "Ông Nguyễn Văn Hải, Chủ tịch UBND xã cho biết, năm nay xã được UBND huyện tặng Giấy khen.",
        ["Nguyễn Văn Hải"],
        None,
    ),
    # the mandating post is not the presenter; the person after it is
    (
        "Thừa ủy quyền của Chủ tịch nước, Thượng tướng Lê Văn Bình trao Huân chương cho 2 tập thể.",
        ["Lê Văn Bình"],
        "Lê Văn Bình",
    ),
]


@pytest.mark.parametrize(("text", "officials", "presenter"), PRESENTERS)
def test_presenter(text: str, officials: list[str], presenter: str | None) -> None:
    (award,) = run(text, officials)
    assert award["presenter"] == presenter


# A post and a person's name in the subject of the granting verb: the post grants (a deputy's, its
# body, as a guess), the person hands over; never the name as part of the issuer.
POST_AND_NAME = [
    (  # the post in apposition before the name
        "Giám đốc Công an tỉnh, Đại tá Hà Văn Lộc trao Giấy khen cho 3 tập thể.",
        ["Hà Văn Lộc"],
        [{"type": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "presenter": "Hà Văn Lộc"}],
    ),
    (
        "Tại buổi lễ, Trưởng Công an huyện Đông Lâm, Thượng tá Hà Văn Lộc trao Giấy khen cho 4 cá nhân.",
        [],
        [{"type": "Giấy khen", "issuer": "Trưởng Công an huyện Đông Lâm", "presenter": "Hà Văn Lộc"}],
    ),
    (  # a deputy's post in apposition: his body
        "Phó Giám đốc Công an tỉnh, Đại tá Hà Văn Lộc trao Giấy khen cho 3 tập thể.",
        ["Hà Văn Lộc"],
        [{"type": "Giấy khen", "issuer": "Công an tỉnh", "presenter": "Hà Văn Lộc"}],
    ),
    (  # a deputy's post right before the name: his body, without the name
        "Phó Giám đốc Công an tỉnh Hà Văn Lộc trao Giấy khen cho 3 tập thể.",
        ["Hà Văn Lộc"],
        [{"type": "Giấy khen", "issuer": "Công an tỉnh", "presenter": "Hà Văn Lộc"}],
    ),
    (  # after "của", the post without the name of the official holding it
        "Xã Tân Mỹ nhận Bằng khen của Bộ trưởng Bộ Công an Hà Văn Lộc.",
        ["Hà Văn Lộc"],
        [{"type": "Bằng khen", "issuer": "Bộ trưởng Bộ Công an"}],
    ),
    (  # a form of address before the post
        "Xã Tân Mỹ nhận Bằng khen của đồng chí Chủ tịch UBND tỉnh.",
        [],
        [{"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh"}],
    ),
    (  # three name syllables ending a body's name are no official's: kept
        "Chi đoàn nhận Bằng khen của Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh.",
        [],
        [{"type": "Bằng khen", "issuer": "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"}],
    ),
    (  # the place's last syllable before the official's name stays with the place
        "Chủ tịch UBND tỉnh Đông Lâm Hà Văn Lộc tặng Bằng khen cho 3 tập thể.",
        ["Hà Văn Lộc"],
        [{"type": "Bằng khen", "issuer": "Chủ tịch UBND tỉnh Đông Lâm"}],
    ),
    (
        "Giám đốc Công an thành phố Tân Long Hà Văn Lộc đã ký quyết định khen thưởng 2 chiến sĩ.",
        ["Hà Văn Lộc"],
        [{"type": "Khen thưởng", "issuer": "Giám đốc Công an thành phố Tân Long"}],
    ),
    (  # a person, not a post, after "của": no issuer
        "Xã Tân Mỹ nhận Bằng khen của ông Hà Văn Lộc.",
        ["Hà Văn Lộc"],
        [{"type": "Bằng khen", "issuer": None}],
    ),
    (  # a unit and a person received: no post, no issuer
        "Dịp này, xã Tân Mỹ, ông Hà Văn Lộc nhận Giấy khen.",
        ["Hà Văn Lộc"],
        [{"type": "Giấy khen", "issuer": None}],
    ),
]


@pytest.mark.parametrize(("text", "officials", "expected"), POST_AND_NAME)
def test_post_and_name_in_the_subject(
    text: str, officials: list[str], expected: list[dict[str, Any]]
) -> None:
    check(text, expected, officials)


def test_records_carry_evidence_and_provenance() -> None:
    text = "Mở đầu bài. UBND tỉnh tặng Cờ thi đua cho Công an xã An Phú."
    (award,) = run(text)
    ev = award["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["text"] == "UBND tỉnh tặng Cờ thi đua cho Công an xã An Phú."
    assert award["ruleset"] == RULES.name and award["rule"] == "issuer_grants"
    assert 0 < award["confidence"] <= 1


def _source(*extra: Path) -> str:
    """The code of the awards package (and ``extra`` files), where rule ids and word lists are read."""
    files = [*Path(awards.__file__).parent.glob("*.py"), *extra]
    return "".join(path.read_text(encoding="utf-8") for path in files)


def test_every_construction_rule_is_used_by_the_code() -> None:
    constructions = {r.id for r in RULES.patterns if r.label == "construction"}
    source = _source()
    assert all(f'"{rule_id}"' in source for rule_id in constructions)


def test_every_word_list_and_setting_is_read_by_the_code() -> None:
    from extract import ruleset  # RuleSet.finditer reads "prefilter"

    source = _source(Path(ruleset.__file__))
    for key in [*RULES.lexicons, *RULES.settings]:
        assert f'"{key}"' in source or f"'{key}'" in source, key


def test_a_headline_never_rewords_the_bodys_issuer() -> None:
    """Headlines name the place the body leaves out; the body's wording is the record's."""
    title = "Chủ tịch UBND tỉnh Đông Lâm khen thưởng 4 tập thể"
    body = "Ngày 19/2, Chủ tịch UBND tỉnh Hà Văn Lộc đã khen thưởng đột xuất 4 tập thể phá án nhanh."
    found = {
        "officials": [
            Official(name="Hà Văn Lộc", evidence={"text": "x", "start": 0, "end": 1}, rule="t", ruleset="t")
        ]
    }
    got = awards.extract(Document(text=f"{title}\n\n{body}", title=title), RULES, found)
    assert [(a.type, a.issuer, a.recipient_count) for a in got] == [("Khen thưởng", "Chủ tịch UBND tỉnh", 4)]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (  # the headline drops the level word of the body's issuer: the same award
            "Giám đốc Công an Đông Lâm tặng giấy khen cho Đội Tân Mỹ",
            "Công an huyện vừa trao giấy khen của Giám đốc Công an tỉnh Đông Lâm cho Đội Tân Mỹ.",
            [("Giấy khen", "Giám đốc Công an tỉnh Đông Lâm")],
        ),
        (  # a headline "khen thưởng" sums up the distinctions the body lists
            "Công an tỉnh khen thưởng 36 tập thể",
            "Sáng 5/3, Giám đốc Công an tỉnh tặng Giấy khen cho 48 tập thể.",
            [("Giấy khen", "Giám đốc Công an tỉnh")],
        ),
        (  # a headline's issuer the body never names is an award of its own
            "17 đơn vị nhận cờ thi đua của UBND tỉnh",
            "Hội đồng nghe báo cáo xét duyệt Cờ thi đua của Chính phủ cho 3 đơn vị.",
            [("Cờ thi đua", "UBND tỉnh"), ("Cờ thi đua", "Chính phủ")],
        ),
    ],
)
def test_headline_mentions(title: str, body: str, expected: list[tuple[str, str]]) -> None:
    got = awards.extract(Document(text=f"{title}\n\n{body}", title=title), RULES, {})
    assert sorted((a.type, a.issuer) for a in got) == sorted(expected)
