package dev.hotpath.cachekey.origin;

import java.util.Objects;

/**
 * Everything a product page depends on. Two URLs with equal specs render the same page (for the same
 * product version); URLs with different specs render different pages.
 *
 * @param sku      the product, case-sensitive
 * @param locale   canonical locale, for example {@code de-DE}
 * @param currency canonical currency code, for example {@code EUR}
 * @param variant  the product variant, case-sensitive; empty when the URL names none
 */
public record PageSpec(String sku, String locale, String currency, String variant) {

    public PageSpec {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(variant, "variant");
    }

    @Override
    public String toString() {
        return sku + " [" + locale + ", " + currency + (variant.isEmpty() ? "" : ", variant " + variant) + "]";
    }
}
