import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import credit_code as cc
from desktop.domain.errors import ValidationError

# Worked by hand.
# 1) The sample code often printed in guides, 91350100M000100Y43:
#    organisation body M000100Y (GB 11714, A=10 .. Z=35, weights 3 7 9 10 5 8 4 2):
#    M=22*3 + 1*5 + Y=34*2 = 66 + 5 + 68 = 139; 139 mod 11 = 7; 11 - 7 = 4 -> '4'.
#    GB 32100 over 91350100M000100Y4 (CHARSET values: M=21, Y=30):
#    9*1 + 1*3 + 3*9 + 5*27 + 1*26 + 21*20 + 1*8 + 30*30 + 4*28 = 1640; 1640 mod 31 = 28;
#    31 - 28 = 3 -> '3'.
# 2) A Quanshan-style code with an old all-digit organisation code, 91320311134083219K:
#    13408321: 1*3 + 3*7 + 4*9 + 0*10 + 8*5 + 3*8 + 2*4 + 1*2 = 134; 134 mod 11 = 2; 11 - 2 = 9.
#    GB 32100 over 91320311134083219: weighted sum 849; 849 mod 31 = 12; 31 - 12 = 19 -> 'K'.
KNOWN = ["91350100M000100Y43", "91320311134083219K"]


def test_weights_are_powers_of_three():
    assert cc.WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    assert len(cc.CHARSET) == 31


@pytest.mark.parametrize("code", KNOWN)
def test_known_codes(code):
    assert cc.is_valid(code)
    assert cc.check_char(code[:17]) == code[17]
    assert cc.validate(code) == code


def test_known_org_check():
    assert cc.org_check_char("M000100Y") == "4"
    assert cc.org_check_char("13408321") == "9"


def test_validate_normalises():
    assert cc.validate("  91320311134083219k \n") == "91320311134083219K"


def test_is_valid_rejects_lowercase_and_junk():
    assert not cc.is_valid("91320311134083219k")
    assert not cc.is_valid("")
    assert not cc.is_valid("91320311134083219")
    assert not cc.is_valid("91320311134083219KK")


def test_validate_wrong_length():
    with pytest.raises(ValidationError) as exc:
        cc.validate("9132031113408321")
    assert exc.value.field == "credit_code"
    assert "wrong length" in exc.value.reason and "16" in exc.value.reason


def test_validate_illegal_character():
    with pytest.raises(ValidationError) as exc:
        cc.validate("91320311I34083219K")  # I is excluded from the alphabet
    assert "illegal character 'I' at position 9" in exc.value.reason


def test_validate_wrong_check_character():
    with pytest.raises(ValidationError) as exc:
        cc.validate("91320311134083219L")
    assert "should be 'K'" in exc.value.reason


def test_make_code_shape():
    code = cc.make_code(random.Random(1))
    assert code.startswith("91320311")
    assert cc.org_check_char(code[8:16]) == code[16]
    assert cc.make_code(random.Random(1)) == code


def test_make_code_other_division():
    assert cc.make_code(random.Random(3), "320302")[2:8] == "320302"
    with pytest.raises(ValueError):
        cc.make_code(random.Random(3), "3203")


@given(st.integers(min_value=0, max_value=2**32))
def test_generated_codes_are_valid(seed):
    code = cc.make_code(random.Random(seed))
    assert cc.is_valid(code)
    assert cc.validate(code) == code


@given(
    st.integers(min_value=0, max_value=2**32),
    st.integers(min_value=0, max_value=17),
    st.sampled_from(cc.CHARSET),
)
def test_any_single_change_is_detected(seed, pos, ch):
    code = cc.make_code(random.Random(seed))
    changed = code[:pos] + ch + code[pos + 1 :]
    # A mod-31 check with weights coprime to 31 catches every single substitution.
    assert cc.is_valid(changed) == (changed == code)
