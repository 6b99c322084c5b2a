package org.rongtong.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Field names in problem+json point at the invalid value the way a client wrote it: {@code demands[1].deadline}. */
@Tag("unit")
class FieldNameTest {

    record Item(@NotNull String deadline, List<@NotBlank String> tags) {
    }

    record Batch(@Valid List<@Valid Item> demands, List<@NotBlank String> regionCodes) {
    }

    @Test
    void anIndexBelongsToTheListNotToTheFieldInsideIt() {
        Batch batch = new Batch(List.of(new Item("2030-01-01", List.of()), new Item(null, List.of("ok", " "))), List.of("35", ""));

        Set<String> names = new TreeSet<>();
        validator().validate(batch).forEach(v -> names.add(ProblemMappers.fieldName(v.getPropertyPath())));

        assertEquals(Set.of("demands[1].deadline", "demands[1].tags[1]", "regionCodes[1]"), names);
    }

    private static Validator validator() {
        // no expression language needed: the messages are not what this test is about
        MessageInterpolator plain = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return template;
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                return template;
            }
        };
        return Validation.byDefaultProvider().configure().messageInterpolator(plain).buildValidatorFactory().getValidator();
    }
}
