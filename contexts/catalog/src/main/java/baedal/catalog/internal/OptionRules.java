package baedal.catalog.internal;

import baedal.catalog.OptionId;
import baedal.catalog.PricedSelection.PricedOption;
import baedal.catalog.SelectionRejected;
import baedal.catalog.SelectionRejected.Kind;
import baedal.catalog.ShopMenu.MenuItem;
import baedal.catalog.ShopMenu.Option;
import baedal.catalog.ShopMenu.OptionGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The choice rules of a menu's option groups (옵션 그룹): every chosen option must belong to the menu, no option
 * may be chosen twice, and each group must get between its minimum and maximum number of choices — so a
 * required group such as "부위 선택" (choose exactly one) cannot be left out. Plain Java, no I/O.
 */
final class OptionRules {

    private OptionRules() {
    }

    /**
     * Checks the options chosen for one line of {@code menu} and prices them, in the order they were chosen.
     *
     * @param field the path of the line's options in the caller's request, e.g. {@code items[0].optionIds}
     * @throws SelectionRejected {@link Kind#UNKNOWN_OPTION} for an option of another menu,
     *         {@link Kind#OPTION_RULES_NOT_MET} for a duplicate or a group's choice count out of range
     */
    static List<PricedOption> choose(MenuItem menu, List<OptionId> chosen, String field) {
        Map<OptionId, OptionGroup> groupOf = new HashMap<>();
        Map<OptionId, Option> optionOf = new HashMap<>();
        for (OptionGroup group : menu.optionGroups()) {
            for (Option option : group.options()) {
                groupOf.put(option.id(), group);
                optionOf.put(option.id(), option);
            }
        }
        Set<OptionId> seen = new HashSet<>();
        Map<Long, Integer> choicesPerGroup = new HashMap<>();
        List<PricedOption> priced = new ArrayList<>(chosen.size());
        for (OptionId id : chosen) {
            Option option = optionOf.get(id);
            if (option == null) {
                throw new SelectionRejected(Kind.UNKNOWN_OPTION, field,
                        "option " + id.value() + " is not an option of menu " + describe(menu));
            }
            if (!seen.add(id)) {
                throw new SelectionRejected(Kind.OPTION_RULES_NOT_MET, field,
                        "option " + id.value() + " (" + option.name() + ") is chosen more than once");
            }
            OptionGroup group = groupOf.get(id);
            choicesPerGroup.merge(group.id(), 1, Integer::sum);
            priced.add(new PricedOption(id, group.name(), option.name(), option.price()));
        }
        for (OptionGroup group : menu.optionGroups()) {
            int choices = choicesPerGroup.getOrDefault(group.id(), 0);
            if (choices < group.minChoices()) {
                throw new SelectionRejected(Kind.OPTION_RULES_NOT_MET, field, choices == 0 && group.minChoices() == 1
                        ? "option group '" + group.name() + "' of menu " + describe(menu) + " requires a choice"
                        : "option group '" + group.name() + "' of menu " + describe(menu) + " requires at least "
                                + group.minChoices() + " choices, got " + choices);
            }
            if (choices > group.maxChoices()) {
                throw new SelectionRejected(Kind.OPTION_RULES_NOT_MET, field,
                        "option group '" + group.name() + "' of menu " + describe(menu) + " allows at most "
                                + group.maxChoices() + (group.maxChoices() == 1 ? " choice" : " choices")
                                + ", got " + choices);
            }
        }
        return List.copyOf(priced);
    }

    private static String describe(MenuItem menu) {
        return menu.id().value() + " (" + menu.name() + ")";
    }
}
