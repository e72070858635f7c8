#!/usr/bin/env python3
"""Writes corpus/archive/: a small nested archive (province/district/year) of two
text plans written for the tests of `sohoa links`: the district decision that
the commune seed 000 cites (528/QĐ-UBND of UBND huyện Ân Thi, 06/01/2025), and
the province plan that the district decision cites, so the archive holds the
chain commune -> district -> province. The texts are written here, in the
layout of Nghị định 30/2020/NĐ-CP; nothing is copied from outside.

Usage: python3 scripts/make_archive_fixture.py   (from the repository root)
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "corpus" / "archive"

PROVINCE = """UBND TỈNH HƯNG YÊN

Số: 215/KH-UBND

Hưng Yên, ngày 20 tháng 12 năm 2024

**KẾ HOẠCH**

**Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông trên địa bàn tỉnh Hưng Yên năm 2025**

*Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính;*

*Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;*

Ủy ban nhân dân tỉnh ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2025 như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

1. Nâng cao chất lượng giải quyết thủ tục hành chính cho người dân, doanh nghiệp.

**II. NHIỆM VỤ**

Stt	Nội dung công việc	Thời gian thực hiện	Đơn vị chủ trì	Đơn vị phối hợp	Dự kiến kết quả
1	Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh	Quý II/2025	Văn phòng UBND tỉnh	Các sở, ban, ngành	Báo cáo rà soát
2	Tuyên truyền về phòng, chống ma túy gắn với cải cách thủ tục hành chính	Năm 2025	Công an tỉnh	Sở Văn hóa, Thể thao và Du lịch; UBND các huyện	Các tin, bài tuyên truyền
3	Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính	Trước ngày 30/6/2025	UBND các huyện, thành phố	Văn phòng UBND tỉnh	Tỷ lệ hồ sơ được số hóa

**III. TỔ CHỨC THỰC HIỆN**

1. Các sở, ban, ngành; UBND các huyện, thành phố xây dựng kế hoạch của đơn vị, địa phương và tổ chức thực hiện.

Trên đây là Kế hoạch kiểm soát thủ tục hành chính năm 2025 của UBND tỉnh Hưng Yên./.

**Nơi nhận:**

- Văn phòng Chính phủ;
- Các sở, ban, ngành;
- UBND các huyện, thành phố;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN  
KT. CHỦ TỊCH  
PHÓ CHỦ TỊCH**

**Trần Văn Bình**
"""

DISTRICT = """UBND HUYỆN ÂN THI

Số: 528/QĐ-UBND

Ân Thi, ngày 06 tháng 01 năm 2025

**QUYẾT ĐỊNH**

**Về việc ban hành Kế hoạch kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử huyện Ân Thi năm 2025**

**ỦY BAN NHÂN DÂN HUYỆN ÂN THI**

*Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;*

*Căn cứ Kế hoạch số 215/KH-UBND ngày 20/12/2024 của UBND tỉnh Hưng Yên về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông trên địa bàn tỉnh Hưng Yên năm 2025;*

*Theo đề nghị của Chánh Văn phòng HĐND và UBND huyện.*

## **QUYẾT ĐỊNH:**

**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử huyện Ân Thi năm 2025.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

**Điều 3.** Chánh Văn phòng HĐND và UBND huyện; Thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND các xã, thị trấn chịu trách nhiệm thi hành Quyết định này./.

**Nơi nhận:**

- UBND tỉnh Hưng Yên;
- Như Điều 3;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN  
CHỦ TỊCH**

**Lê Văn Hùng**

**KẾ HOẠCH**

**Kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử huyện Ân Thi năm 2025**

*(Ban hành kèm theo Quyết định số 528/QĐ-UBND ngày 06/01/2025 của UBND huyện Ân Thi)*

Stt	Nội dung công việc	Thời gian thực hiện	Đơn vị chủ trì	Đơn vị phối hợp	Dự kiến kết quả
1	Ban hành kế hoạch kiểm soát thủ tục hành chính của các xã, thị trấn năm 2025	Tháng 01/2025	UBND các xã, thị trấn	Văn phòng HĐND và UBND huyện	Kế hoạch của các xã, thị trấn
2	Tổ chức tuyên truyền Phòng, chống ma túy và cải cách thủ tục hành chính tại bộ phận một cửa	Quý I/2025	Công an huyện	Phòng Văn hóa và Thông tin; UBND các xã, thị trấn	Các buổi tuyên truyền
3	Kiểm tra việc thực hiện cơ chế một cửa, một cửa liên thông tại các xã, thị trấn	Quý III/2025	Văn phòng HĐND và UBND huyện	Phòng Nội vụ	Báo cáo kết quả kiểm tra

Trên đây là Kế hoạch kiểm soát thủ tục hành chính năm 2025 của UBND huyện Ân Thi./.
"""

FILES = {
    "hungyen/2024/KH215_kiemsoat_TTHC_tinh.txt": PROVINCE,
    "hungyen/anthi/2025/QD528_kiemsoat_TTHC_huyen.txt": DISTRICT,
}


def main() -> None:
    for rel, text in FILES.items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT.parent.parent)}")


if __name__ == "__main__":
    main()
