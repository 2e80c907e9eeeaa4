package baedal.catalog.web;

import baedal.catalog.ShopMenu;
import java.util.List;

/** The menu of one shop on the wire: its menus, each with its option groups and their options, in won. */
record ShopMenuResponse(ShopResponse shop, List<MenuResponse> menus) {

    static ShopMenuResponse of(ShopMenu menu) {
        return new ShopMenuResponse(ShopResponse.of(menu.shop()), menu.menus().stream().map(item ->
                new MenuResponse(item.id().value(), item.name(), item.description(), item.price().won(),
                        item.optionGroups().stream().map(group -> new OptionGroupResponse(group.id(), group.name(),
                                group.required(), group.minChoices(), group.maxChoices(),
                                group.options().stream().map(option -> new OptionResponse(option.id().value(),
                                        option.name(), option.price().won())).toList())).toList()))
                .toList());
    }

    record MenuResponse(long menuId, String name, String description, long price,
            List<OptionGroupResponse> optionGroups) {
    }

    record OptionGroupResponse(long groupId, String name, boolean required, int minChoices, int maxChoices,
            List<OptionResponse> options) {
    }

    record OptionResponse(long optionId, String name, long price) {
    }
}
