package org.rongtong.registry.service;

import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;
import org.rongtong.web.problem.Problem.FieldError;

/**
 * What makes a profile acceptable beyond its shape: codes that exist in the reference data. Bulk imports also
 * run the bean constraints here, since their rows do not pass through a resource method.
 */
@ApplicationScoped
public class ProfileRules {

    private final ReferenceData reference;
    private final Validator validator;

    public ProfileRules(ReferenceData reference, ValidatorFactory validators) {
        this.reference = reference;
        // requests are plain objects, never lazily loaded entities: asking Hibernate whether each property is loaded
        // (the default resolver) was a hot spot of checking a bulk import
        this.validator = validators.usingContext().traversableResolver(EVERY_PROPERTY).getValidator();
    }

    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
    };

    /** Every problem with a profile: its constraints, then its reference codes. Empty when it is acceptable. */
    public List<FieldError> problems(RegisterEnterpriseRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<RegisterEnterpriseRequest> v : validator.validate(request)) {
            errors.add(new FieldError(v.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", ""), v.getMessage()));
        }
        // reference codes are checked too, unless their shape was already wrong
        for (FieldError problem : referenceProblems(request)) {
            if (errors.stream().noneMatch(e -> e.field().equals(problem.field()))) {
                errors.add(problem);
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** Codes that must exist in the reference data (the bean constraints have checked their shape). */
    public List<FieldError> referenceProblems(RegisterEnterpriseRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.regionCode() != null && !reference.regionExists(request.regionCode())) {
            errors.add(new FieldError("regionCode", "is not a division code in the reference data: " + request.regionCode()));
        }
        if (request.tier() != null && !reference.tierExists(request.tier())) {
            errors.add(new FieldError("tier", "is not a tier in the reference data: " + request.tier()));
        }
        if (request.chains() != null) {
            for (int i = 0; i < request.chains().size(); i++) {
                String chain = request.chains().get(i);
                if (chain != null && !reference.chainExists(chain)) {
                    errors.add(new FieldError("chains[" + i + "]", "is not an industrial chain in the reference data: " + chain));
                }
            }
        }
        return errors;
    }

    /** The vouched-for facts (kind, tier with its level, year and validity, region) a request would change. */
    static List<FieldError> vouchedFactsChanged(Enterprise current, RegisterEnterpriseRequest request) {
        List<FieldError> changed = new ArrayList<>();
        vouched(changed, "kind", current.kind, request.kind());
        vouched(changed, "tier", current.tier, request.tier());
        vouched(changed, "tierLevel", current.tierLevel, request.tierLevel());
        vouched(changed, "tierYear", current.tierYear, request.tierYear());
        vouched(changed, "tierValidUntil", current.tierValidUntil, request.tierValidUntil());
        vouched(changed, "regionCode", current.regionCode, request.regionCode());
        return changed;
    }

    private static void vouched(List<FieldError> changed, String field, Object current, Object requested) {
        if (!java.util.Objects.equals(current, requested)) {
            changed.add(new FieldError(field, "may be changed only by an operator or a partner acting for the enterprise"));
        }
    }
}
