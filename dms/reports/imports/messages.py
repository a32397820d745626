"""Import error messages in English and Chinese, keyed by stable code (identifier codes come
from dms.crm.identifiers). The result workbook speaks the language of the file's headers."""

from __future__ import annotations

# code -> (English, Chinese); params are str.format()ed in.
MESSAGES: dict[str, tuple[str, str]] = {
    "import.required": ("A value is required.", "必填。"),
    "import.missing_column": ("Required column {column} is missing.", "缺少必填列 {column}。"),
    "import.unknown_column": ("Unknown column {column}.", "无法识别的列 {column}。"),
    "import.duplicate_column": ("Column {column} appears twice.", "列 {column} 重复出现。"),
    "import.number": ("Not a number: {value}.", "不是数字：{value}。"),
    "import.negative": ("Must not be negative: {value}.", "不能为负数：{value}。"),
    "import.too_large": ("At most {max}: {value}.", "最大为 {max}：{value}。"),
    "import.zero_price": ("A price must be more than 0: {value}.", "价格必须大于 0：{value}。"),
    "import.formula": ("A formula without a calculated value (open the file in Excel and save "
                       "it again): {value}.", "公式没有计算结果（请在 Excel 中打开文件并重新保存）：{value}。"),
    "import.decimals": ("At most {places} decimal places: {value}.", "最多 {places} 位小数：{value}。"),
    "import.integer": ("Not a whole number: {value}.", "不是整数：{value}。"),
    "import.date": ("Not a date (yyyy-mm-dd): {value}.", "不是日期（yyyy-mm-dd）：{value}。"),
    "import.bool": ("Write 是/否 or yes/no: {value}.", "请填写 是/否：{value}。"),
    "import.choice": ("Not one of {choices}: {value}.", "应为 {choices} 之一：{value}。"),
    "import.too_long": ("Longer than {max} characters.", "超过 {max} 个字符。"),
    "import.bad_text": ("Contains unusable characters: {value}.", "含有无法使用的字符：{value}。"),
    "import.year": ("Not a plausible model year: {value}.", "年款不合理：{value}。"),
    "import.email": ("Not an e-mail address: {value}.", "不是邮箱地址：{value}。"),
    "import.duplicate_in_file": ("{value} already appears in row {first}.",
                                 "{value} 与第 {first} 行重复。"),
    "import.duplicate_in_db": ("{value} is already on file.", "{value} 已存在于系统中。"),
    "import.barcode_is_code": ("{value} is already the code of part {part}.",
                               "{value} 已是配件 {part} 的编码。"),
    "import.code_is_barcode": ("{value} is already a barcode of part {part}.",
                               "{value} 已是配件 {part} 的条码。"),
    "import.owner_unknown": ("No customer has the code {value}.", "客户编号 {value} 不存在。"),
    "import.insurance_incomplete": ("An insurance policy needs the insurer and the expiry date.",
                                    "保险信息需同时填写保险公司和保险到期日。"),
    "import.conflict": ("Another user changed the same records meanwhile; nothing was imported, "
                        "run the import again.", "导入期间数据被他人修改，未导入任何数据，请重新导入。"),
    "phone.not_mobile": ("Not a mobile number: {value}.", "不是手机号码：{value}。"),
    "vin.length": ("A VIN has 17 characters: {value}.", "VIN 应为 17 位：{value}。"),
    "vin.bad_char": ("A VIN has only digits and letters except I, O, Q: {value}.",
                     "VIN 只能含数字和除 I、O、Q 外的字母：{value}。"),
    "vin.check_digit": ("The check digit (9th character) of {value} should be {expected}; "
                        "confirm the VIN in the override column to import it anyway.",
                        "{value} 的校验位（第 9 位）应为 {expected}；如确认无误，请在“VIN校验确认”列填“是”。"),
    "vin.model_year": ("The 10th character of {value} is not a model-year code; confirm the VIN "
                       "in the override column to import it anyway.",
                       "{value} 第 10 位不是年款代码；如确认无误，请在“VIN校验确认”列填“是”。"),
    "plate.empty": ("No plate.", "车牌号为空。"),
    "plate.province": ("The plate must start with a province abbreviation: {value}.",
                       "车牌号应以省份简称开头：{value}。"),
    "plate.authority": ("The second character of a plate is a letter: {value}.",
                        "车牌号第 2 位应为字母：{value}。"),
    "plate.format": ("Not a plate: {value}.", "车牌号格式不正确：{value}。"),
    "plate.length": ("A plate has 7 characters (8 for new energy): {value}.",
                     "车牌号应为 7 位（新能源 8 位）：{value}。"),
    "plate.suffix": ("The 港/澳 suffix belongs to 粤Z plates: {value}.", "港、澳牌照应为粤Z：{value}。"),
    "plate.letter_io": ("Plates never carry I or O: {value}.", "车牌号不含字母 I、O：{value}。"),
}


def message(code: str, lang: str, **params) -> str:
    en, zh = MESSAGES.get(code, (code, code))
    text = zh if lang == "zh" else en
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
