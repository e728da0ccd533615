#include "domain/bundlemerge.h"

#include <QTest>

#include <algorithm>

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

// A restaurant: company establishment (which gives the business licence), food business
// licence, shop sign.
std::vector<MatterRules> restaurant()
{
    MatterRules company;
    company.code = "MR-001";
    company.fields = {field("company_name"), field("legal_rep_name"), field("legal_rep_id"), field("address"),
                      field("phone"), field("registered_capital")};
    company.materials = {material("ID_CARD", true, true, false), material("ARTICLES", true, true, false),
                         material("ADDRESS_PROOF", false, true, true, 3)};
    company.produces = {"BUSINESS_LICENSE"};
    MatterRules food;
    food.code = "MR-002";
    food.fields = {field("company_name"), field("legal_rep_name"), field("legal_rep_id"), field("address"),
                   field("phone"), field("food_categories")};
    food.materials = {material("BUSINESS_LICENSE", true, true, false), material("ID_CARD", true, true, false),
                      material("ADDRESS_PROOF", false, true, true, 5),
                      material("FOOD_SAFETY_RULES", false, true, true, 5), material("FLOOR_PLAN", false, true, true, 5)};
    MatterRules sign;
    sign.code = "MR-003";
    sign.fields = {field("company_name"), field("address"), field("phone", false), field("sign_size")};
    sign.materials = {material("BUSINESS_LICENSE", true, true, false), material("ID_CARD", false, true, false),
                      material("ADDRESS_PROOF", false, false, false), material("SIGN_DESIGN", false, true, true, 5)};
    return {company, food, sign};
}

const MergedIntake::Material *findMaterial(const MergedIntake &merged, const std::string &code)
{
    for (const auto &m : merged.materials) {
        if (m.rule.code == code)
            return &m;
    }
    return nullptr;
}

std::vector<std::string> materialCodes(const MergedIntake &merged)
{
    std::vector<std::string> codes;
    for (const auto &m : merged.materials)
        codes.push_back(m.rule.code);
    return codes;
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
        QCOMPARE(materialCodes(merged), (std::vector<std::string>{"ID_CARD", "ARTICLES", "ADDRESS_PROOF",
                                                                  "FOOD_SAFETY_RULES", "FLOOR_PLAN", "SIGN_DESIGN"}));
        const auto *id = findMaterial(merged, "ID_CARD");
        QVERIFY(id);
        QVERIFY(id->rule.core);
        QVERIFY(!id->rule.deficiencyAllowed);
        QCOMPARE(id->matters.size(), std::size_t(3));
        const auto *address = findMaterial(merged, "ADDRESS_PROOF");
        QVERIFY(address);
        QVERIFY(address->rule.required);
        // MR-003 lists it as optional, so only MR-001 and MR-002 decide: both allow a deficiency,
        // and the shorter of their limits applies.
        QVERIFY(address->rule.deficiencyAllowed);
        QCOMPARE(address->rule.maxDeficiencyDays, 3);
        const auto *plan = findMaterial(merged, "FLOOR_PLAN");
        QVERIFY(plan);
        QVERIFY(plan->rule.deficiencyAllowed);
        // A matter that requires it without deficiency makes it non-deficient for the bundle.
        auto matters = restaurant();
        matters[2].materials[2] = material("ADDRESS_PROOF", false, true, false);
        const MergedIntake strict = BundleMerge::merge(matters);
        const auto *strictAddress = findMaterial(strict, "ADDRESS_PROOF");
        QVERIFY(strictAddress);
        QVERIFY(!strictAddress->rule.deficiencyAllowed);
    }

    // Company establishment gives the business licence: the food licence and the shop sign have
    // it from there, so the bundle does not ask for it.
    void producedMaterialNotAsked()
    {
        const MergedIntake merged = BundleMerge::merge(restaurant());
        QVERIFY(!findMaterial(merged, "BUSINESS_LICENSE"));
        QCOMPARE(merged.produced.size(), std::size_t(1));
        const MergedIntake::Produced &licence = merged.produced[0];
        QCOMPARE(licence.rule.code, std::string("BUSINESS_LICENSE"));
        QVERIFY(licence.rule.core);
        QCOMPARE(licence.matters, (std::vector<std::string>{"MR-002", "MR-003"}));
        QCOMPARE(licence.producedBy, std::vector<std::string>{"MR-001"});
        QVERIFY(merged.providedWithin("BUSINESS_LICENSE"));
        QVERIFY(!merged.providedWithin("ID_CARD"));
        QVERIFY(!merged.providedWithin("NOTHING"));

        // Whatever the order: the producer last still provides it.
        auto reversed = restaurant();
        std::reverse(reversed.begin(), reversed.end());
        const MergedIntake later = BundleMerge::merge(reversed);
        QVERIFY(!findMaterial(later, "BUSINESS_LICENSE"));
        QCOMPARE(later.produced.size(), std::size_t(1));
        QCOMPARE(later.produced[0].matters, (std::vector<std::string>{"MR-003", "MR-002"}));

        // Without the producer in the bundle, the licence is asked for like any material.
        auto withoutCompany = restaurant();
        withoutCompany.erase(withoutCompany.begin());
        const MergedIntake asked = BundleMerge::merge(withoutCompany);
        const auto *needed = findMaterial(asked, "BUSINESS_LICENSE");
        QVERIFY(needed);
        QVERIFY(needed->rule.core);
        QCOMPARE(needed->matters, (std::vector<std::string>{"MR-002", "MR-003"}));
        QVERIFY(asked.produced.empty());
        QVERIFY(!asked.providedWithin("BUSINESS_LICENSE"));
    }

    // A matter's own result never stands in for what it needs itself (a change of registration
    // needs the old licence and gives a new one), but it does for the other matters.
    void ownProductStillAskedOfItsMatter()
    {
        MatterRules change;
        change.code = "MR-005";
        change.materials = {material("BUSINESS_LICENSE", true, true, false)};
        change.produces = {"BUSINESS_LICENSE"};
        MatterRules food;
        food.code = "MR-002";
        food.materials = {material("BUSINESS_LICENSE", true, true, false), material("FLOOR_PLAN", false, true, true)};

        const MergedIntake alone = BundleMerge::merge({change});
        QCOMPARE(materialCodes(alone), std::vector<std::string>{"BUSINESS_LICENSE"});
        QVERIFY(alone.produced.empty());

        const MergedIntake both = BundleMerge::merge({food, change});
        QCOMPARE(materialCodes(both), (std::vector<std::string>{"FLOOR_PLAN", "BUSINESS_LICENSE"}));
        QCOMPARE(findMaterial(both, "BUSINESS_LICENSE")->matters, std::vector<std::string>{"MR-005"});
        QCOMPARE(both.produced.size(), std::size_t(1));
        QCOMPARE(both.produced[0].matters, std::vector<std::string>{"MR-002"});
        // Asked for, though another matter has it from the bundle.
        QVERIFY(!both.providedWithin("BUSINESS_LICENSE"));
        QCOMPARE(both.reduction.separateMaterials, 3);
        QCOMPARE(both.reduction.mergedMaterials, 2);
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
