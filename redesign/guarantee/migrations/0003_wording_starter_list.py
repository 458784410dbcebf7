"""A conservative starter list of names and terms that must be exact, with known wrong forms.

Only wrong forms that are wrong wherever they appear are listed: a form that is also a correct
phrase somewhere (学习近乎…, 发布署名…, 科学发展关键…) would flag right text, since Chinese has no
word boundaries. Administrators add, edit and switch off rules in 规范用语 afterwards; the reverse
migration removes only the rules still exactly as listed here.
"""

from django.db import migrations

LEADER, POLITICAL, PLACE, OTHER = "leader", "political", "place", "other"

# (correct, wrong forms, category, serious, note)
STARTER_RULES = [
    ("习近平", ["习进平", "习近萍"], LEADER, True, ""),
    ("毛泽东", ["毛泽冬", "毛择东"], LEADER, True, ""),
    ("周恩来", ["周思来"], LEADER, True, ""),
    ("中华人民共和国", ["中华人民共合国", "中华人民供和国"], POLITICAL, True, ""),
    ("中国共产党", ["中国共产挡", "中国共产当"], POLITICAL, True, ""),
    ("社会主义核心价值观", ["社会主义核心价值关", "社会主意核心价值观"], POLITICAL, True, ""),
    (
        "习近平新时代中国特色社会主义思想",
        ["习近平新时代中国特色社会主意思想", "习近平新时代中国特社会主义思想"],
        POLITICAL,
        True,
        "",
    ),
    ("中国特色社会主义", ["中国特色社会主意", "中国特色社会注意"], POLITICAL, True, ""),
    ("全面从严治党", ["全面从严制党", "全面从严冶党"], POLITICAL, True, ""),
    ("全国人民代表大会", ["全国人民代表大汇"], POLITICAL, True, ""),
    ("人民代表大会常务委员会", ["人民代表大会常委委员会"], POLITICAL, True, ""),
    (
        "中国人民政治协商会议",
        ["中国人民政治协商大会", "中国人民政治协商委员会"],
        POLITICAL,
        True,
        "全国委员会的全称为“中国人民政治协商会议全国委员会”。",
    ),
    ("脱贫攻坚", ["脱贫功坚", "脱贫攻艰"], POLITICAL, True, ""),
    ("乡村振兴", ["乡村振新", "乡村震兴"], POLITICAL, True, ""),
    ("铸牢中华民族共同体意识", ["筑牢中华民族共同体意识"], POLITICAL, True, "是“铸牢”，不是“筑牢”。"),
    ("中华民族伟大复兴", ["中华民族伟大复新"], POLITICAL, True, ""),
    ("不忘初心", ["不忘出心"], POLITICAL, True, ""),
    ("二十届三中全会", ["二十大三中全会"], POLITICAL, True, "全会属于二十届中央委员会，不是“二十大”。"),
    ("一带一路", ["一代一路"], POLITICAL, True, ""),
    ("马克思主义", ["马克斯主义"], POLITICAL, True, ""),
    ("马克思列宁主义", ["马克斯列宁主义"], POLITICAL, True, ""),
    ("广西壮族自治区", ["广西壮族自治州"], PLACE, True, ""),
    (
        "广西壮族自治区",
        ["广西省"],
        PLACE,
        False,
        "广西于 1958 年成立自治区；历史沿革中民国时期的“广西省”请核实后保留。",
    ),
    ("壮族", ["状族"], PLACE, True, ""),
    ("百色市", ["白色市"], PLACE, True, ""),
    ("纪律检查委员会", ["纪律检察委员会"], PLACE, True, "纪委是“检查”，检察院是“检察”。"),
    ("人民检察院", ["人民检查院"], PLACE, True, "检察院是“检察”，纪委是“检查”。"),
    ("再接再厉", ["再接再励"], OTHER, False, ""),
    ("按部就班", ["按步就班"], OTHER, False, ""),
    ("贯彻落实", ["贯切落实"], OTHER, False, ""),
]


def add_rules(apps, schema_editor):
    """Add each starter rule that is not there yet."""
    WordingRule = apps.get_model("guarantee", "WordingRule")
    for correct, wrong, category, serious, note in STARTER_RULES:
        WordingRule.objects.get_or_create(
            correct=correct,
            wrong_forms="\n".join(wrong),
            defaults={"category": category, "serious": serious, "note": note, "active": True},
        )


def remove_rules(apps, schema_editor):
    """Remove the starter rules nobody changed."""
    WordingRule = apps.get_model("guarantee", "WordingRule")
    for correct, wrong, category, serious, note in STARTER_RULES:
        WordingRule.objects.filter(
            correct=correct,
            wrong_forms="\n".join(wrong),
            category=category,
            serious=serious,
            note=note,
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("guarantee", "0002_maintainers_edit_policy")]

    operations = [migrations.RunPython(add_rules, remove_rules)]
