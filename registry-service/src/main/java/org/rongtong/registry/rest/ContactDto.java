package org.rongtong.registry.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact person. Personal data: shown only to the enterprise itself, operators and partners; never in events. */
public record ContactDto(
        @NotBlank @Size(max = 50) String name,
        @Size(max = 50) String role,
        @Pattern(regexp = "(\\+86[ -]?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?",
                message = "must be a mainland mobile number (13800138000) or a landline with area code (0532-88886666)") String phone,
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address") @Size(max = 120) String email) {
}
