"""The questions of Mẫu 02 and Mẫu 06 as editable rows (DOMAIN.md §5.4).

The harm questions are those of Mẫu 06 as retrieved; Mẫu 02 follows the same
matrix, and the self-protection rows are a first guess (❓) the administrator can
change in the admin.
"""

from django.db import migrations

HARM = [
    (
        "Mức độ tổn hại của trẻ em",
        "Tổn hại rất nghiêm trọng, ảnh hưởng đến tính mạng, sức khỏe, sự phát triển",
        "Tổn hại ít nghiêm trọng",
        "Không có tổn hại nghiêm trọng",
        True,
    ),
    (
        "Khả năng tiếp cận trẻ em của đối tượng xâm hại",
        "Vẫn có khả năng tiếp cận và thường xuyên",
        "Có cơ hội tiếp cận nhưng không thường xuyên",
        "Ít hoặc không có khả năng tiếp cận",
        True,
    ),
    (
        "Những trở ngại trong môi trường chăm sóc trẻ em đối với việc bảo đảm an toàn cho trẻ em",
        "Có nhiều trở ngại đáng kể",
        "Có một vài trở ngại, nhưng trẻ em vẫn có được sự bảo vệ nhất định",
        "Ít hoặc không có trở ngại",
        False,
    ),
]
FINAL_HARM_QUESTION = "Mức độ tổn hại của trẻ em có còn nghiêm trọng không"
SELF = [
    (
        "Khả năng tự bảo vệ của trẻ em",
        "Trẻ em không biết cách tự bảo vệ, không biết tìm sự giúp đỡ",
        "Trẻ em biết một số cách tự bảo vệ",
        "Trẻ em biết tự bảo vệ và biết tìm sự giúp đỡ",
    ),
    (
        "Khả năng phục hồi và sự hỗ trợ của người thân, cộng đồng",
        "Không có người thân hoặc cộng đồng hỗ trợ",
        "Có hỗ trợ nhưng chưa thường xuyên",
        "Được người thân và cộng đồng hỗ trợ thường xuyên",
    ),
]


def load(apps, schema_editor):
    RiskCriterion = apps.get_model("cases", "RiskCriterion")
    for form in ("m02", "m06"):
        for order, (question, high, medium, low, emergency) in enumerate(HARM, 1):
            if form == "m06" and order == 1:
                question = FINAL_HARM_QUESTION
            RiskCriterion.objects.get_or_create(
                form=form,
                section="harm",
                question=question,
                defaults={
                    "order": order,
                    "high": high,
                    "medium": medium,
                    "low": low,
                    "suggests_emergency": emergency and form == "m02",
                },
            )
        for order, (question, high, medium, low) in enumerate(SELF, 1):
            RiskCriterion.objects.get_or_create(
                form=form,
                section="self",
                question=question,
                defaults={"order": order, "high": high, "medium": medium, "low": low},
            )


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_case_steps")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
