#include "domain/bundlemerge.h"

#include <QTest>

using namespace onewindow;

namespace {

FormField field(const char *key, bool required = true, const char *type = "text")
{
    return FormField{key, key, type, required};
}

MaterialRule material(const char *code, bool core, bool required, bool deficiency, int days = 0)
{
    return MaterialRule{code, code, core, required, deficiency, days, ""};
}

// A restaurant: company establishment, food business licence, shop sign.
std::vector<MatterRules> restaurant()
{
    MatterRules company;
    company.code = "MR-001";
    company.fields = {field("company_name"), field("legal_rep_name"), field("legal_rep_id"), field("address"),
                      field("phone"), field("registered_capital")};
    company.materials = {material("ID_CARD", true, true, false), material("ARTICLES", true, true, false),
                         material("ADDRESS_PROOF", false, true, true, 3)};
    MatterRules food;
    food.code = "MR-002";
    food.fields = {field("company_name"), field("legal_rep_name"), field("legal_rep_id"), field("address"),
                   field("phone"), field("food_categories")};
    food.materials = {material("ID_CARD", true, true, false), material("ADDRESS_PROOF", false, true, true, 5),
                      material("FOOD_SAFETY_RULES", false, true, true, 5), material("FLOOR_PLAN", false, true, true, 5)};
    MatterRules sign;
    sign.code = "MR-003";
    sign.fields = {field("company_name"), field("address"), field("phone", false), field("sign_size")};
    sign.materials = {material("ID_CARD", false, true, false), material("ADDRESS_PROOF", false, false, false),
                      material("SIGN_DESIGN", false, true, true, 5)};
    return {company, food, sign};
}

} // namespace

class tst_BundleMerge : public QObject
{
    Q_OBJECT

private slots:
    void sharedFieldsAskedOnce()
    {
        const MergedIntake merged = BundleMerge::merge(restaurant());
        std::vector<std::string> keys;
        for (const auto &f : merged.fields)
            keys.push_back(f.field.key);
        const std::vector<std::string> expected{"company_name", "legal_rep_name", "legal_rep_id",  "address",
                                                "phone",        "registered_capital", "food_categories", "sign_size"};
        QCOMPARE(keys, expected);
        QCOMPARE(merged.fields[0].matters, (std::vector<std::string>{"MR-001", "MR-002", "MR-003"}));
        // Required if any matter requires it.
        QVERIFY(merged.fields[4].field.required);
    }

    void materialsDeduplicatedStrictestWins()
    {
        const MergedIntake merged = BundleMerge::merge(restaurant());
        QCOMPARE(merged.materials.size(), std::size_t(6));
        const auto find = [&](const std::string &code) {
            for (const auto &m : merged.materials) {
                if (m.rule.code == code)
                    return m;
            }
            qFatal("material missing");
        };
        const auto id = find("ID_CARD");
        QVERIFY(id.rule.core);
        QVERIFY(!id.rule.deficiencyAllowed);
        QCOMPARE(id.matters.size(), std::size_t(3));
        const auto address = find("ADDRESS_PROOF");
        QVERIFY(address.rule.required);
        // MR-003 lists it as optional, so only MR-001 and MR-002 decide: both allow a deficiency,
        // and the shorter of their limits applies.
        QVERIFY(address.rule.deficiencyAllowed);
        QCOMPARE(address.rule.maxDeficiencyDays, 3);
        QVERIFY(find("FLOOR_PLAN").rule.deficiencyAllowed);
        // A matter that requires it without deficiency makes it non-deficient for the bundle.
        auto matters = restaurant();
        matters[2].materials[1] = material("ADDRESS_PROOF", false, true, false);
        for (const auto &m : BundleMerge::merge(matters).materials) {
            if (m.rule.code == "ADDRESS_PROOF")
                QVERIFY(!m.rule.deficiencyAllowed);
        }
    }

    void reductionReported()
    {
        const MergedIntake merged = BundleMerge::merge(restaurant());
        QCOMPARE(merged.reduction.separateFields, 16);
        QCOMPARE(merged.reduction.mergedFields, 8);
        QCOMPARE(merged.reduction.fieldsSavedPercent(), 50);
        QCOMPARE(merged.reduction.separateMaterials, 10);
        QCOMPARE(merged.reduction.mergedMaterials, 6);
        QCOMPARE(merged.reduction.materialsSavedPercent(), 40);
    }

    void conflictingTypesReported()
    {
        auto matters = restaurant();
        matters[1].fields[4].type = "phone";
        const MergedIntake merged = BundleMerge::merge(matters);
        QCOMPARE(merged.conflictingFieldKeys, std::vector<std::string>{"phone"});
        QCOMPARE(merged.fields[4].field.type, std::string("text"));
    }

    void singleMatterUnchanged()
    {
        const auto matters = restaurant();
        const MergedIntake merged = BundleMerge::merge({matters[0]});
        QCOMPARE(merged.fields.size(), matters[0].fields.size());
        QCOMPARE(merged.reduction.fieldsSavedPercent(), 0);
        QCOMPARE(merged.reduction.materialsSavedPercent(), 0);
        QCOMPARE(BundleMerge::merge({}).reduction.fieldsSavedPercent(), 0);
    }
};

QTEST_APPLESS_MAIN(tst_BundleMerge)
#include "tst_bundlemerge.moc"
