print("GradientFidelity: under construction")
